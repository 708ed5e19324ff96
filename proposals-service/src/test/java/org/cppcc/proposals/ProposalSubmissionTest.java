package org.cppcc.proposals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.TopicReader;
import org.cppcc.platform.testkit.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.cppcc.proposals.ProposalsTestSupport.as;
import static org.cppcc.proposals.ProposalsTestSupport.proposal;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ProposalSubmissionTest {

    @BeforeEach
    void committees() {
        ProposalsTestSupport.committeesAnnounced();
    }

    @Test
    void memberSubmitsProposalAndItsEventReachesKafka() {
        var created = as("hp-member").body(proposal("关于加快科技企业孵化器建设的提案"))
                .post("/committees/440112/proposals")
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("committee", equalTo("440112"))
                .body("status", equalTo("SUBMITTED"))
                .body("authorName", equalTo("张伟"))
                .body("submittedAt", notNullValue())
                .extract();
        String id = created.path("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith("/committees/440112/proposals/" + id));

        as("hp-member").get("/committees/440112/proposals/" + id).then().statusCode(200)
                .body("title", equalTo("关于加快科技企业孵化器建设的提案"));

        List<JsonNode> events = TopicReader.await("proposals.events", e -> id.equals(e.path("subject").asText()), 1, Duration.ofSeconds(30));
        assertEquals(1, events.size(), "exactly one ProposalSubmitted for the proposal");
        JsonNode e = events.get(0);
        assertEquals("org.cppcc.proposals.ProposalSubmitted.v1", e.get("type").asText());
        assertEquals("1.0", e.get("specversion").asText());
        assertEquals("440112", e.get("committee").asText());
        assertEquals(Tokens.subject(Tokens.of("hp-member")), e.at("/data/authorUserId").asText());
    }

    @Test
    void retryWithSameIdempotencyKeyReturnsFirstProposalAndCreatesNothingNew() {
        String key = UUID.randomUUID().toString();
        String first = as("hp-member").header("Idempotency-Key", key).body(proposal("幂等提交测试"))
                .post("/committees/440112/proposals").then().statusCode(201).extract().path("id");
        String second = as("hp-member").header("Idempotency-Key", key).body(proposal("幂等提交测试"))
                .post("/committees/440112/proposals").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().path("id");
        assertEquals(first, second);

        List<String> titles = as("hp-member").get("/committees/440112/proposals?limit=100").then().statusCode(200)
                .extract().jsonPath().getList("items.title");
        assertEquals(1, titles.stream().filter("幂等提交测试"::equals).count());
        List<JsonNode> events = TopicReader.await("proposals.events", e -> first.equals(e.path("subject").asText()), 1, Duration.ofSeconds(30));
        assertEquals(1, events.size());
    }

    @Test
    void listsArePagedWithCursor() {
        for (int i = 0; i < 3; i++) {
            as("hp-member").body(proposal("分页测试 " + i)).post("/committees/440112/proposals").then().statusCode(201);
        }
        var first = as("hp-member").get("/committees/440112/proposals?limit=2").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("next", notNullValue()).extract().jsonPath();
        String next = first.getString("next");
        List<String> firstIds = first.getList("items.id");
        List<String> secondIds = as("hp-member").get("/committees/440112/proposals?limit=2&cursor=" + next).then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        secondIds.forEach(id -> org.junit.jupiter.api.Assertions.assertFalse(firstIds.contains(id), "pages do not overlap"));
        as("hp-member").get("/committees/440112/proposals?limit=1000").then().statusCode(400)
                .contentType("application/problem+json");
        as("hp-member").get("/committees/440112/proposals?cursor=not-a-cursor").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void staffSeeTheCommitteesProposals() {
        String id = as("hp-member").body(proposal("员工可见")).post("/committees/440112/proposals")
                .then().statusCode(201).extract().path("id");
        as("hp-staff").get("/committees/440112/proposals?limit=100").then().statusCode(200)
                .body("items.id", hasItem(id));
    }
}
