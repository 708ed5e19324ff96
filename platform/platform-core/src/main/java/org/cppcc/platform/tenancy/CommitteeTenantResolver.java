package org.cppcc.platform.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place where queries are scoped to a committee: every entity with a {@code @TenantId committee}
 * column is filtered by, and written with, the committee of the current context (Hibernate discriminator
 * multi-tenancy). Outside any committee, the tenant is one that owns no rows.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class CommitteeTenantResolver implements TenantResolver {

    public static final String NO_COMMITTEE = "-";

    private final CommitteeContext context;

    public CommitteeTenantResolver(CommitteeContext context) {
        this.context = context;
    }

    @Override
    public String getDefaultTenantId() {
        return NO_COMMITTEE;
    }

    @Override
    public String resolveTenantId() {
        if (!Arc.container().requestContext().isActive()) {
            return NO_COMMITTEE;
        }
        return context.current().orElse(NO_COMMITTEE);
    }
}
