package org.cppcc.proposals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.cppcc.proposals.ProposalsTestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bad input gets a problem+json 4xx and stores nothing. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ProposalBadInputTest {

    @BeforeEach
    void committees() {
        ProposalsTestSupport.committeesAnnounced();
    }

    private int myProposals() {
        return as("hp-member").get("/committees/440112/proposals?limit=100").then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    @Test
    void missingFieldsAreNamedAndNothingIsStored() {
        int before = myProposals();
        as("hp-member").body("{\"body\":\"只有正文\"}").post("/committees/440112/proposals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://cppcc.org/problems/validation"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("publishConsent"));
        as("hp-member").post("/committees/440112/proposals")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, myProposals());
    }

    @Test
    void oversizeTextIsRejected() {
        int before = myProposals();
        String title = "长".repeat(201);
        as("hp-member").body("{\"title\":\"" + title + "\",\"body\":\"正文\",\"publishConsent\":true}")
                .post("/committees/440112/proposals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("title"));
        String body = "字".repeat(20_001);
        as("hp-member").body("{\"title\":\"标题\",\"body\":\"" + body + "\",\"publishConsent\":true}")
                .post("/committees/440112/proposals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
        assertEquals(before, myProposals());
    }

    @Test
    void aValueTheDatabaseCannotStoreIsBadInputNotAServerError() {
        int before = myProposals();
        // a NUL character passes Bean Validation but PostgreSQL text cannot hold it
        as("hp-member").body("{\"title\":\"标题\\u0000\",\"body\":\"正文\",\"publishConsent\":true}")
                .post("/committees/440112/proposals")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, myProposals());
    }

    @Test
    void wrongTypesAndBrokenJsonAreRejected() {
        int before = myProposals();
        as("hp-member").body("{\"title\":\"标题\",\"body\":\"正文\",\"publishConsent\":{\"a\":1}}")
                .post("/committees/440112/proposals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("publishConsent"));
        as("hp-member").body("{\"title\":[1,2],\"body\":\"正文\",\"publishConsent\":true}")
                .post("/committees/440112/proposals")
                .then().statusCode(400).contentType("application/problem+json");
        as("hp-member").body("{not json").post("/committees/440112/proposals")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, myProposals());
    }

    @Test
    void unknownCommitteeIsNotFound() {
        as("hp-member").body(ProposalsTestSupport.proposal("不存在的政协")).post("/committees/999999/proposals")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://cppcc.org/problems/not-found"));
        as("hp-member").get("/committees/abc/proposals")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
