package org.cppcc.proposals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
    static final Set<String> PUBLIC = Set.of("GET /committees/{code}/public/proposals");

    @Test
    void onlyPublicOperationsAnswerWithoutAToken() {
        ProposalsTestSupport.committeesAnnounced();
        OpenApiSweep.assertOnlyPublicOpen("440112", PUBLIC, 40);
    }
}
