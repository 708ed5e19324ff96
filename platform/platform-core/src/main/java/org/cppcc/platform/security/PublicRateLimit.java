package org.cppcc.platform.security;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.cppcc.platform.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Endpoints anyone may call ({@code @PermitAll}) are limited per client address: at most
 * {@code cppcc.public.requests-per-minute} in each minute, then 429 problem+json with Retry-After until the
 * minute is over. Counted on this instance, in fixed one-minute windows (cheap, and enough to keep a script
 * from draining the database; a shared limit belongs to the ingress). The client address is the peer's, or
 * the X-Forwarded-For of a trusted proxy ({@code quarkus.http.proxy.*}).
 */
@ApplicationScoped
public class PublicRateLimit {

    private final int perMinute;
    private volatile long window;
    private volatile Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    public PublicRateLimit(@ConfigProperty(name = "cppcc.public.requests-per-minute", defaultValue = "120") int perMinute) {
        this.perMinute = perMinute;
    }

    @ServerRequestFilter
    public Optional<Response> check(ResourceInfo resource, HttpServerRequest request) {
        if (resource.getResourceMethod() == null || !(resource.getResourceMethod().isAnnotationPresent(PermitAll.class)
                || resource.getResourceClass().isAnnotationPresent(PermitAll.class))
                || resource.getResourceClass().isAnnotationPresent(ProviderCallback.class)) {
            return Optional.empty();
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
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        if (counts.computeIfAbsent(client, c -> new AtomicInteger()).incrementAndGet() <= perMinute) {
            return Optional.empty();
        }
        long retryAfter = Math.max(1, ((current + 1) * 60_000 - now + 999) / 1000);
        return Optional.of(Response.fromResponse(new ProblemException(429, "too-many-requests", "请求过于频繁 / Too many requests",
                "at most " + perMinute + " requests a minute from one address; try again in " + retryAfter + " s").toResponse())
                .header("Retry-After", String.valueOf(retryAfter)).build());
    }
}
