package org.cppcc.e2e;

import org.cppcc.deploy.Api;
import org.cppcc.deploy.LocalPlatform;
import org.junit.jupiter.api.BeforeAll;

/** What every end-to-end test stands on: the one platform of the run, its API client, and logins. */
@org.junit.jupiter.api.extension.ExtendWith(ServiceLogsOnFailure.class)
abstract class E2eTest {

    static LocalPlatform platform;
    static Api api;

    @BeforeAll
    static void startPlatform() {
        platform = E2ePlatform.platform();
        api = E2ePlatform.api();
    }

    /** The reply's body, once its status is the one expected (else the test fails showing the body). */
    static com.fasterxml.jackson.databind.JsonNode ok(Api.Reply r, int status) {
        org.junit.jupiter.api.Assertions.assertEquals(status, r.status(), () -> String.valueOf(r.body()));
        return r.body();
    }

    /** A demo user's token (retried while Keycloak cannot answer). */
    static String token(String user) {
        return E2ePlatform.token(user);
    }
}
