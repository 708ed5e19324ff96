package org.cppcc.platform.tenancy;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Tenancy and access for every {@code /committees/{code}/…} endpoint, in one place: the committee must
 * exist (404), the caller must be authenticated (401) and hold a role in that committee that the endpoint
 * accepts (403). Then the committee becomes the request's tenant, and every tenant-scoped query is
 * filtered by it, whatever ids the request carries.
 */
public class CommitteeAccessFilter {

    public static final String CODE_PARAM = "code";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final Caller caller;
    private final CommitteeContext context;
    private final CommitteeDirectory committees;
    private final SupervisionFromAbove supervision;

    public CommitteeAccessFilter(Caller caller, CommitteeContext context, CommitteeDirectory committees, SupervisionFromAbove supervision) {
        this.caller = caller;
        this.context = context;
        this.committees = committees;
        this.supervision = supervision;
    }

    @ServerRequestFilter
    public Optional<Response> check(UriInfo uri, ResourceInfo resource, jakarta.ws.rs.container.ContainerRequestContext request) {
        String code = uri.getPathParameters().getFirst(CODE_PARAM);
        Method method = resource.getResourceMethod();
        if (code == null) {
            if ((method != null && method.isAnnotationPresent(AcrossCommittees.class))
                    || (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(AcrossCommittees.class))) {
                context.beginCrossing();
            }
            return Optional.empty();
        }
        boolean open = method != null && (method.isAnnotationPresent(PermitAll.class)
                || resource.getResourceClass().isAnnotationPresent(PermitAll.class));
        Optional<Committee> found = code.matches("\\d{6}") ? committees.find(code) : Optional.empty();
        if (found.isEmpty()) {
            return Optional.of(Problems.notFound("committee", code).toResponse());
        }
        if (found.get().suspended() && !READS.contains(request.getMethod())) {
            return Optional.of(new org.cppcc.platform.problem.ProblemException(423, "committee-suspended", "委员会已暂停 / Committee suspended",
                    "committee " + code + " is suspended: its data can be read, not changed, until a platform administrator resumes it")
                    .toResponse());
        }
        if (open) {
            context.enter(code, caller.authenticated() ? granted(code) : Set.of());
            return Optional.empty();
        }
        if (!caller.authenticated()) {
            return Optional.of(Problems.unauthorized().toResponse());
        }
        Set<String> roles = granted(code);
        Set<String> accepted = accepted(resource);
        // platform-admin counts only where an endpoint names it: operators do not read committees' work
        boolean allowed = accepted.isEmpty() ? !caller.rolesIn(code).isEmpty() : roles.stream().anyMatch(accepted::contains);
        if (!allowed && READS.contains(request.getMethod()) && method != null && method.isAnnotationPresent(SupervisedFromAbove.class)
                && supervision.supervisingCommittee(caller, code).isPresent()) {
            context.enter(code, Set.of(Roles.SUPERVISOR));
            return Optional.empty();
        }
        if (accepted.isEmpty() && !allowed) {
            return Optional.of(Problems.forbidden("you hold no role in committee " + code).toResponse());
        }
        if (!allowed) {
            return Optional.of(Problems.forbidden("this needs one of the roles " + accepted + " in committee " + code).toResponse());
        }
        context.enter(code, roles);
        return Optional.empty();
    }

    private Set<String> granted(String code) {
        Set<String> roles = new HashSet<>(caller.rolesIn(code));
        if (caller.platformAdmin()) {
            roles.add(Roles.PLATFORM_ADMIN);
        }
        return roles;
    }

    private static Set<String> accepted(ResourceInfo resource) {
        CommitteeRoles onMethod = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(CommitteeRoles.class);
        CommitteeRoles r = onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(CommitteeRoles.class);
        return r == null ? Set.of() : new HashSet<>(Arrays.asList(r.value()));
    }
}
