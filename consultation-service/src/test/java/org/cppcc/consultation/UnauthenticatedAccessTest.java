package org.cppcc.consultation;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.DemoCommittees;
import org.cppcc.platform.testkit.OpenApiSweep;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.restassured.RestAssured.given;

/** Deny by default: every operation of the OpenAPI, called without a token, is refused unless it is on the public list. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class UnauthenticatedAccessTest {

    /** What anyone may call without logging in. */
    static final Set<String> PUBLIC = Set.of("GET /committees/{code}/public/activities",
            "POST /committees/{code}/public/activities/{id}/registrations", "DELETE /committees/{code}/public/registrations");

    @Test
    void onlyPublicOperationsAnswerWithoutAToken() {
        DemoCommittees.announce();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> given().auth().oauth2(org.cppcc.platform.testkit.Tokens.of("hp-member")).get("/committees/440112/activities").statusCode() == 200);
        OpenApiSweep.assertOnlyPublicOpen("440112", PUBLIC, 5);
    }
}
