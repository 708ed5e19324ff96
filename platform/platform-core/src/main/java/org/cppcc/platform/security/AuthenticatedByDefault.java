package org.cppcc.platform.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.tenancy.CommitteeAccessFilter;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * Deny by default: every endpoint needs a valid token unless it says {@code @PermitAll}. Committee endpoints
 * ({@code /committees/{code}/…}) are checked, with their roles, by {@link CommitteeAccessFilter}; this covers
 * the rest ({@code /me/…}, {@code /admin/…}), so an endpoint that forgets its annotation is closed, not open.
 */
public class AuthenticatedByDefault {

    private final Caller caller;

    public AuthenticatedByDefault(Caller caller) {
        this.caller = caller;
    }

    @ServerRequestFilter
    public Optional<Response> check(UriInfo uri, ResourceInfo resource) {
        if (uri.getPathParameters().containsKey(CommitteeAccessFilter.CODE_PARAM) || resource.getResourceMethod() == null) {
            return Optional.empty();
        }
        boolean open = resource.getResourceMethod().isAnnotationPresent(PermitAll.class)
                || resource.getResourceClass().isAnnotationPresent(PermitAll.class);
        return open || caller.authenticated() ? Optional.empty() : Optional.of(Problems.unauthorized().toResponse());
    }
}
