package org.cppcc.platform.security;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.cppcc.platform.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every request counts against a limit per minute (OWASP API4, unrestricted resource consumption): a signed-in
 * caller against their own ({@code cppcc.rate-limit.requests-per-minute}, per person), anyone else against their
 * address — the public pages ({@code cppcc.public.requests-per-minute}) and providers' callbacks
 * ({@code cppcc.provider.requests-per-minute}: one gateway sends many). Past it: 429 problem+json with
 * Retry-After until the minute is over. Every answer says where the caller stands: X-RateLimit-Limit,
 * X-RateLimit-Remaining, X-RateLimit-Reset (seconds). Counted on this instance in fixed one-minute windows —
 * cheap, and enough to stop one script from draining a service; a shared limit belongs to the ingress. The
 * client address is the peer's, or the X-Forwarded-For of a trusted proxy ({@code quarkus.http.proxy.*}).
 */
@ApplicationScoped
public class RateLimits {

    private static final String STANDING = RateLimits.class.getName() + ".standing";

    private record Standing(int limit, int remaining, long resetSeconds) {
    }

    private final Caller caller;
    private final int perPerson;
    private final int perPublicAddress;
    private final int perProvider;
    private volatile long window;
    private volatile Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    public RateLimits(Caller caller, @ConfigProperty(name = "cppcc.rate-limit.requests-per-minute", defaultValue = "3000") int perPerson,
                      @ConfigProperty(name = "cppcc.public.requests-per-minute", defaultValue = "120") int perPublicAddress,
                      @ConfigProperty(name = "cppcc.provider.requests-per-minute", defaultValue = "6000") int perProvider) {
        this.caller = caller;
        this.perPerson = perPerson;
        this.perPublicAddress = perPublicAddress;
        this.perProvider = perProvider;
    }

    @ServerRequestFilter
    public Optional<Response> check(ResourceInfo resource, HttpServerRequest request, ContainerRequestContext context) {
        if (resource.getResourceMethod() == null) {
            return Optional.empty();
        }
        boolean open = resource.getResourceMethod().isAnnotationPresent(PermitAll.class)
                || resource.getResourceClass().isAnnotationPresent(PermitAll.class);
        boolean provider = resource.getResourceClass().isAnnotationPresent(ProviderCallback.class);
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String key;
        int limit;
        if (provider) {
            key = "provider:" + address;
            limit = perProvider;
        } else if (!open && caller.authenticated()) {
            key = "person:" + caller.userId();
            limit = perPerson;
        } else {
            key = "address:" + address;
            limit = open ? perPublicAddress : perPerson;
        }
        long now = System.currentTimeMillis();
        long current = now / 60_000;
        if (current != window) {
            synchronized (this) {
                if (current != window) {
                    counts = new ConcurrentHashMap<>();
                    window = current;
                }
            }
        }
        long reset = Math.max(1, ((current + 1) * 60_000 - now + 999) / 1000);
        int used = counts.computeIfAbsent(key, c -> new AtomicInteger()).incrementAndGet();
        context.setProperty(STANDING, new Standing(limit, Math.max(0, limit - used), reset));
        if (used <= limit) {
            return Optional.empty();
        }
        return Optional.of(Response.fromResponse(new ProblemException(429, "too-many-requests", "请求过于频繁 / Too many requests",
                "at most " + limit + " requests a minute " + (key.startsWith("person:") ? "from one person" : "from one address")
                        + "; try again in " + reset + " s").toResponse()).header("Retry-After", String.valueOf(reset)).build());
    }

    @ServerResponseFilter
    public void tell(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STANDING) instanceof Standing s) {
            response.getHeaders().putSingle("X-RateLimit-Limit", String.valueOf(s.limit()));
            response.getHeaders().putSingle("X-RateLimit-Remaining", String.valueOf(s.remaining()));
            response.getHeaders().putSingle("X-RateLimit-Reset", String.valueOf(s.resetSeconds()));
        }
    }
}
