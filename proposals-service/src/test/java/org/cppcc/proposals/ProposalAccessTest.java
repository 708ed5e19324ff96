package org.cppcc.proposals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.cppcc.proposals.ProposalsTestSupport.as;
import static org.cppcc.proposals.ProposalsTestSupport.proposal;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Real Keycloak tokens: own committee 2xx, another committee 403/404, no token 401, wrong role 403. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ProposalAccessTest {

    @BeforeEach
    void committees() {
        ProposalsTestSupport.committeesAnnounced();
    }

    private String hpProposal() {
        return as("hp-member").body(proposal("黄埔区提案")).post("/committees/440112/proposals")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void noTokenIsUnauthorized() {
        given().contentType("application/json").body(proposal("匿名")).post("/committees/440112/proposals")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer realm=\"cppcc\"");
        given().get("/committees/440112/proposals").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void forgedTokenIsUnauthorized() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").get("/committees/440112/proposals")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void memberCannotActInAnotherCommittee() {
        as("hp-member").body(proposal("越权提交")).post("/committees/440100/proposals")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://cppcc.org/problems/forbidden"));
        as("dx-member").get("/committees/440112/proposals").then().statusCode(403);
    }

    @Test
    void wrongRoleIsForbidden() {
        as("hp-staff").body(proposal("工作人员不能以委员身份提交")).post("/committees/440112/proposals")
                .then().statusCode(403).contentType("application/problem+json");
        as("hp-member").body("{\"name\":\"某局\",\"officers\":[]}").post("/committees/440112/handling-units")
                .then().statusCode(403);
    }

    @Test
    void idsOfAnotherCommitteeAreNeverServed() {
        String id = hpProposal();
        // gz-staff is staff of 广州市 (440100): asking for 黄埔区's proposal under their own committee finds nothing
        as("gz-staff").get("/committees/440100/proposals/" + id).then().statusCode(404).contentType("application/problem+json");
        as("gz-staff").get("/committees/440100/proposals?limit=100").then().statusCode(200).body("items.id", not(hasItem(id)));
        // and under 黄埔区 they hold no role
        as("gz-staff").get("/committees/440112/proposals/" + id).then().statusCode(403);
    }

    @Test
    void memberSeesOwnProposalsStaffSeeAllOthersNone() {
        String id = hpProposal();
        as("hp-member").get("/committees/440112/proposals/" + id).then().statusCode(200);
        as("hp-staff").get("/committees/440112/proposals/" + id).then().statusCode(200).body("id", equalTo(id));
        // a handling-unit officer sees only what is assigned to their unit: nothing yet
        as("hp-unit").get("/committees/440112/proposals/" + id).then().statusCode(404);
        as("hp-unit").get("/committees/440112/proposals?limit=100").then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void proposalOfficeRegistersHandlingUnits() {
        as("hp-staff").body("{\"name\":\"黄埔区科技局\",\"officers\":[\"hp-unit\"]}").post("/committees/440112/handling-units")
                .then().statusCode(201).body("name", equalTo("黄埔区科技局"));
        as("hp-staff").body("{\"name\":\"黄埔区科技局\",\"officers\":[\"hp-unit\"]}").post("/committees/440112/handling-units")
                .then().statusCode(409).contentType("application/problem+json");
        as("hp-unit").get("/committees/440112/handling-units").then().statusCode(200).body("name", hasItem("黄埔区科技局"));
        as("gz-staff").get("/committees/440100/handling-units").then().statusCode(200).body("name", not(hasItem("黄埔区科技局")));
    }
}
