package org.cppcc.members;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.Tokens;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.cppcc.members.MembersTestSupport.as;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PerformanceTest {

    private static String proposalSubmitted(String eventId, String proposalId, String committee, String author) {
        return """
                {"specversion":"1.0","id":"%s","source":"/cppcc/proposals-service","type":"org.cppcc.proposals.ProposalSubmitted.v1",
                 "subject":"%s","time":"2026-11-22T08:00:00Z","datacontenttype":"application/json","committee":"%s",
                 "data":{"proposalId":"%s","title":"关于社区养老服务的提案","kind":"INDIVIDUAL","authorUserId":"%s",
                         "authorName":"张伟","submittedAt":"2026-11-22T08:00:00Z"}}""".formatted(eventId, proposalId, committee, proposalId, author);
    }

    private static List<String> evidence(String user) {
        return as(user).get("/me/performance?limit=100").then().statusCode(200).extract().jsonPath().getList("entries.items.evidenceId");
    }

    /** Publishes another proposal's submission on the same key, so it is consumed after what came before; returns its id. */
    private static String markerAfter(String key) {
        String marker = UUID.randomUUID().toString();
        TopicReader.publish("proposals.events", key,
                proposalSubmitted(UUID.randomUUID().toString(), marker, "440112", Tokens.subject(Tokens.of("hp-member"))));
        return marker;
    }

    @Test
    void aSubmittedProposalBecomesOneEntryForItsAuthorEvenWhenRedelivered() {
        String proposalId = UUID.randomUUID().toString();
        String event = proposalSubmitted(UUID.randomUUID().toString(), proposalId, "440112", Tokens.subject(Tokens.of("hp-member")));
        TopicReader.publish("proposals.events", proposalId, event);
        TopicReader.publish("proposals.events", proposalId, event);

        // a marker behind the duplicate on the same key (same partition): once it counts, the duplicate was seen
        String marker = markerAfter(proposalId);
        await().atMost(Duration.ofSeconds(30)).until(() -> evidence("hp-member").contains(marker));
        assertEquals(1, evidence("hp-member").stream().filter(proposalId::equals).count());
        as("hp-member").get("/me/performance?committee=440112&limit=100").then().statusCode(200)
                .body("entries.items.find { it.evidenceId == '" + proposalId + "' }.kind", org.hamcrest.Matchers.equalTo("PROPOSAL_SUBMITTED"))
                .body("totals.committee", hasItem("440112"));
    }

    @Test
    void aMemberReadsOnlyTheirOwnRecord() {
        String proposalId = UUID.randomUUID().toString();
        TopicReader.publish("proposals.events", proposalId,
                proposalSubmitted(UUID.randomUUID().toString(), proposalId, "440112", Tokens.subject(Tokens.of("hp-member"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> evidence("hp-member").contains(proposalId));
        as("gz-member").get("/me/performance?limit=100").then().statusCode(200).body("entries.items.evidenceId", not(hasItem(proposalId)));
        given().get("/me/performance").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void registrationKeyAndExcellentProposalsCountToo() {
        String proposalId = UUID.randomUUID().toString();
        String author = Tokens.subject(Tokens.of("hp-member"));
        String registered = """
                {"specversion":"1.0","id":"%s","source":"/cppcc/proposals-service","type":"org.cppcc.proposals.ProposalRegistered.v1",
                 "subject":"%s","time":"2026-11-22T09:00:00Z","committee":"440112",
                 "data":{"proposalId":"%s","title":"立案计分","number":"一届一次会议 第0001号","authorUserId":"%s"}}"""
                .formatted(UUID.randomUUID(), proposalId, proposalId, author);
        String key = """
                {"specversion":"1.0","id":"%s","source":"/cppcc/proposals-service","type":"org.cppcc.proposals.ProposalMarkedKey.v1",
                 "subject":"%s","time":"2026-11-22T10:00:00Z","committee":"440112",
                 "data":{"proposalId":"%s","title":"立案计分","authorUserId":"%s","supervisingLeader":"区政协主席"}}"""
                .formatted(UUID.randomUUID(), proposalId, proposalId, author);
        String excellent = """
                {"specversion":"1.0","id":"%s","source":"/cppcc/proposals-service","type":"org.cppcc.proposals.ProposalMarkedExcellent.v1",
                 "subject":"%s","time":"2026-11-22T11:00:00Z","committee":"440112",
                 "data":{"proposalId":"%s","title":"立案计分","authorUserId":"%s"}}"""
                .formatted(UUID.randomUUID(), proposalId, proposalId, author);
        TopicReader.publish("proposals.events", proposalId, registered);
        TopicReader.publish("proposals.events", proposalId, key);
        TopicReader.publish("proposals.events", proposalId, key);
        TopicReader.publish("proposals.events", proposalId, excellent);
        String marker = markerAfter(proposalId);
        await().atMost(Duration.ofSeconds(30)).until(() -> evidence("hp-member").contains(marker));
        List<String> kinds = as("hp-member").get("/me/performance?limit=100").then().extract().jsonPath()
                .getList("entries.items.findAll { it.evidenceId == '" + proposalId + "' }.kind");
        assertEquals(List.of("PROPOSAL_EXCELLENT", "PROPOSAL_KEY", "PROPOSAL_REGISTERED"), kinds);
    }

    @Test
    void anItemAdoptedByTheLevelAboveCountsForItsOriginalAuthorInTheirCommittee() {
        MembersTestSupport.demoCommittees(); // cultivation news is recorded for the committees this deployment hosts
        String hop = UUID.randomUUID().toString();
        String author = Tokens.subject(Tokens.of("hp-member"));
        String adopted = """
                {"specversion":"1.0","id":"%s","source":"/cppcc/proposals-service","type":"org.cppcc.proposals.CultivationAdopted.v1",
                 "subject":"%s","time":"2026-11-22T12:00:00Z","committee":"440112",
                 "data":{"hopId":"%s","rootId":"%s","fromCommittee":"440112","toCommittee":"440100","proposalId":"%s","adoptedAs":"MEMBER",
                         "adoptedAuthorUserId":null,"title":"科创走廊","originalAuthorUserId":"%s"}}"""
                .formatted(UUID.randomUUID(), hop, hop, hop, UUID.randomUUID(), author);
        TopicReader.publish("cultivation.events", hop, adopted);
        TopicReader.publish("cultivation.events", hop, adopted); // redelivered: one entry
        await().atMost(Duration.ofSeconds(30)).until(() -> evidence("hp-member").contains(hop));
        TopicReader.awaitConsumed("members-service", Duration.ofSeconds(30), "cultivation.events");
        var entries = as("hp-member").get("/me/performance?limit=100").then().extract().jsonPath()
                .getList("entries.items.findAll { it.evidenceId == '" + hop + "' }", java.util.Map.class);
        assertEquals(1, entries.size(), entries.toString());
        assertEquals("PROPOSAL_CULTIVATED", entries.get(0).get("kind"));
        assertEquals("440112", entries.get(0).get("committee"));

        // news of a hop whose recommending committee another deployment hosts (ADR 0012) is that deployment's to record
        String elsewhere = UUID.randomUUID().toString();
        TopicReader.publish("cultivation.events", elsewhere, adopted.replace(hop, elsewhere).replace("\"committee\":\"440112\"", "\"committee\":\"450000\"")
                .replace("\"id\":\"", "\"id\":\"x"));
        TopicReader.awaitConsumed("members-service", Duration.ofSeconds(30), "cultivation.events");
        assertEquals(List.of(), as("hp-member").get("/me/performance?limit=100").then().extract().jsonPath()
                .getList("entries.items.findAll { it.evidenceId == '" + elsewhere + "' }"));
    }
}
