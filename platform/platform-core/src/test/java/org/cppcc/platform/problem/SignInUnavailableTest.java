package org.cppcc.platform.problem;

import io.quarkus.oidc.OIDCException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Keycloak not reached yet when a service verifies its first token (ADR 0017): a 503 to retry, not a 500. */
class SignInUnavailableTest {

    @Test
    void anUnreachableSignInServiceIsA503WithRetryAfter() {
        Response r = new ProblemMappers().unexpected(new RuntimeException("tenant init", new OIDCException("OIDC server is not available")));
        assertEquals(503, r.getStatus());
        assertEquals("5", r.getHeaderString("Retry-After"));
        assertEquals(500, new ProblemMappers().unexpected(new IllegalStateException("a bug")).getStatus());
    }
}
