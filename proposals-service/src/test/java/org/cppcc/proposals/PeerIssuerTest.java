package org.cppcc.proposals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.Tokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/**
 * Tokens of a peer deployment's realm (here the national committee's, cppcc-national, beside ours in the same
 * Keycloak) are accepted, chosen by their issuer, with the same audience and the same committee rules: its
 * proposal office acts in 全国 and supervises the committees below; it is nobody in 黄埔's own work.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PeerIssuerTest {

    @Test
    void aPeerRealmsOfficerIsKnownByIssuerAndHeldToTheSameRules() {
        ProposalsTestSupport.committeesAnnounced();
        String national = Tokens.fetch(PlatformTestResource.keycloak().peerRealmUrl(), "nat-staff", Tokens.DEMO_PASSWORD);
        given().auth().oauth2(national).get("/committees/100000/proposals").then().statusCode(200);
        given().auth().oauth2(national).get("/committees/440112/cultivation/statistics").then().statusCode(200);
        given().auth().oauth2(national).get("/committees/440112/proposals").then().statusCode(403);
        // a realm this deployment does not name is nobody's: the master realm's administrator
        String stranger = Tokens.fetch(PlatformTestResource.keycloak().url() + "/realms/master", "admin-cli",
                org.cppcc.platform.infra.KeycloakServer.BOOTSTRAP_ADMIN, org.cppcc.platform.infra.KeycloakServer.BOOTSTRAP_PASSWORD);
        given().auth().oauth2(stranger).get("/committees/100000/proposals").then().statusCode(401);
    }
}
