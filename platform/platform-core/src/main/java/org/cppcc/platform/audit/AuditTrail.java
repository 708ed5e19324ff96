package org.cppcc.platform.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeAccessFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;

/**
 * The audit trail, in one place for every service: each successful change made through the API in a
 * committee (any method but GET, HEAD, OPTIONS under {@code /committees/{code}/…}) is recorded with who made it,
 * the operation (route template, no request body: it may hold personal data) and the id it acted on. The
 * committee's administrators read it ({@code GET /committees/{code}/audit}); the table is append-only.
 */
public class AuditTrail {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final AgroalDataSource dataSource;
    private final Caller caller;

    public AuditTrail(AgroalDataSource dataSource, Caller caller) {
        this.dataSource = dataSource;
        this.caller = caller;
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource, UriInfo uri) {
        String committee = uri.getPathParameters().getFirst(CommitteeAccessFilter.CODE_PARAM);
        if (committee == null || READS.contains(request.getMethod()) || response.getStatus() / 100 != 2 || resource.getResourceMethod() == null
                || !caller.authenticated()) {
            return;
        }
        String action = request.getMethod() + " " + template(resource);
        String target = uri.getPathParameters().getFirst("id");
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("insert into audit_log (id, committee, at, actor_id, actor_name, action, target_id, status) "
                     + "values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setObject(1, Ids.newId());
            st.setString(2, committee);
            st.setTimestamp(3, Timestamp.from(Instant.now()));
            st.setString(4, caller.userId());
            st.setString(5, caller.displayName());
            st.setString(6, action);
            st.setString(7, target);
            st.setInt(8, response.getStatus());
            st.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            // the change itself is committed: a lost audit row is an operator's alarm, not the user's error
            Log.errorf("audit row not written for %s in %s by %s: %s", action, committee, caller.userId(), e.getMessage());
        }
    }

    private static String template(ResourceInfo resource) {
        Path onClass = resource.getResourceClass().getAnnotation(Path.class);
        Method m = resource.getResourceMethod();
        Path onMethod = m.getAnnotation(Path.class);
        String path = (onClass == null ? "" : onClass.value()) + (onMethod == null ? "" : "/" + onMethod.value());
        return path.replaceAll("/+", "/");
    }
}
