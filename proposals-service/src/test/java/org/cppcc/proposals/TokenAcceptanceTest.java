package org.cppcc.proposals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.Tokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/** One issuer whatever address reached Keycloak, and only tokens issued for this API. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TokenAcceptanceTest {

    @Test
    void aTokenFromAnyAddressOfKeycloakIsAcceptedButOnlyIfIssuedForTheApi() {
        ProposalsTestSupport.committeesAnnounced();
        String realm = PlatformTestResource.keycloak().realmUrl();
        String viaLocalhost = Tokens.fetch(realm, "hp-member", Tokens.DEMO_PASSWORD);
        String viaLoopbackIp = Tokens.fetch(realm.replace("localhost", "127.0.0.1"), "hp-member", Tokens.DEMO_PASSWORD);
        given().auth().oauth2(viaLocalhost).get("/committees/440112/proposals").then().statusCode(200);
        given().auth().oauth2(viaLoopbackIp).get("/committees/440112/proposals").then().statusCode(200);

        // the same person's token for another client of the realm (the admin CLI) is not for this API
        String otherClient = Tokens.fetch(realm, "admin-cli", "hp-member", Tokens.DEMO_PASSWORD);
        given().auth().oauth2(otherClient).get("/committees/440112/proposals").then().statusCode(401)
                .contentType("application/problem+json");
    }
}
