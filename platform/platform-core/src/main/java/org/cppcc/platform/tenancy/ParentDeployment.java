package org.cppcc.platform.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which committees this deployment hosts (ADR 0012). A provincial deployment's registry holds the national
 * committee too, as the top of its tree, so that its provincial committee has a parent to recommend to; that
 * committee is hosted by the parent deployment ({@code cppcc.deployment.parent-committees}), whose office decides
 * there. Cultivation news for a committee not hosted here is not this deployment's to act on.
 */
@ApplicationScoped
public class ParentDeployment {

    private final CommitteeDirectory directory;
    private final Set<String> parentCommittees;

    public ParentDeployment(CommitteeDirectory directory,
                            @ConfigProperty(name = "cppcc.deployment.parent-committees") Optional<List<String>> parentCommittees) {
        this.directory = directory;
        this.parentCommittees = Set.copyOf(parentCommittees.orElse(List.of()));
    }

    /** True for a committee of this deployment's registry whose work is done here. */
    public boolean hosts(String committee) {
        return committee != null && !parentCommittees.contains(committee) && directory.exists(committee);
    }

    /** True for a committee of this registry whose office works in the parent deployment. */
    public boolean hostedAbove(String committee) {
        return parentCommittees.contains(committee);
    }
}
