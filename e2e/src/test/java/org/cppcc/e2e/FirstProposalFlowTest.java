package org.cppcc.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.cppcc.deploy.Api;
import org.cppcc.deploy.Service;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole platform as separate processes, started by the launcher on free ports with the demo data:
 * a member's proposal reaches the proposal office's inbox, the author's inbox and the author's 履职 record,
 * and the outbox keeps that promise while Kafka, or the service itself, is down.
 */
class FirstProposalFlowTest extends E2eTest {

    private static String submit(String title) {
        Api.Reply r = api.post(platform.url(Service.PROPOSALS) + "/committees/440112/proposals", token("hp-member"),
                Map.of("title", title, "body", "建议完善孵化器扶持政策，提高科技成果转化效率。", "publishConsent", true));
        assertEquals(201, r.status(), () -> "submission answered " + r.status() + " " + r.body());
        String id = r.body().get("id").asText();
        assertTrue(r.header("Location").endsWith("/committees/440112/proposals/" + id));
        return id;
    }

    /** Inbox items of a user that point at one proposal. */
    private static List<JsonNode> inboxItems(String user, String proposalId) {
        Api.Reply r = api.get(platform.url(Service.NOTIFICATION) + "/me/notifications?limit=100", token(user));
        assertEquals(200, r.status());
        List<JsonNode> found = new ArrayList<>();
        r.body().get("items").forEach(n -> {
            if (n.get("link").asText().endsWith("/proposals/" + proposalId)) {
                found.add(n);
            }
        });
        return found;
    }

    private static void awaitExactlyOneStaffItem(String proposalId) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> !inboxItems("hp-staff", proposalId).isEmpty());
        // a duplicate would come from a redelivered event: once the consumer has taken everything on the topic, count
        org.cppcc.platform.testkit.TopicReader.awaitConsumed(platform.kafka().bootstrapServers(), "notification-service",
                Duration.ofSeconds(60), "proposals.events");
        assertEquals(1, inboxItems("hp-staff", proposalId).size(), "the proposal office hears of it exactly once");
    }

    @Test
    void aMembersProposalReachesTheOfficeTheAuthorAndTheirDutyRecord() {
        String id = submit("关于加快黄埔区科技企业孵化器建设的提案");

        awaitExactlyOneStaffItem(id);
        assertEquals("新提案待审查", inboxItems("hp-staff", id).get(0).get("title").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxItems("hp-member", id).size() == 1);
        assertEquals("提案已提交", inboxItems("hp-member", id).get(0).get("title").asText());

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode perf = api.get(platform.url(Service.MEMBERS) + "/me/performance?limit=100", token("hp-member")).body();
            for (JsonNode e : perf.at("/entries/items")) {
                if (e.get("evidenceId").asText().equals(id) && e.get("kind").asText().equals("PROPOSAL_SUBMITTED")) {
                    return true;
                }
            }
            return false;
        });
        // and nobody of another committee sees any of it
        assertTrue(inboxItems("gz-staff", id).isEmpty());
    }

    @Test
    void withKafkaStoppedASubmissionStillSucceedsAndTheOfficeHearsOfItOnceKafkaIsBack() {
        platform.kafka().stop();
        String id;
        try {
            id = submit("Kafka 停机期间提交的提案 " + UUID.randomUUID());
            // stored with its event, which waits in the outbox until the broker is back
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    api.get(platform.url(Service.PROPOSALS) + "/admin/outbox/backlog", token("admin")).body().path("pending").asLong() >= 1);
            assertTrue(inboxItems("hp-staff", id).isEmpty(), "nothing can be delivered while the broker is down");
        } finally {
            platform.kafka().start();
        }
        awaitExactlyOneStaffItem(id);
    }

    @Test
    void aServiceKilledRightAfterAnsweringStillDeliversTheEvent() {
        platform.kafka().stop();
        String id;
        try {
            id = submit("提交后服务立即崩溃 " + UUID.randomUUID());
            platform.killService(Service.PROPOSALS);
        } finally {
            platform.kafka().start();
        }
        platform.startService(Service.PROPOSALS);
        platform.awaitReady(Service.PROPOSALS);
        awaitExactlyOneStaffItem(id);
    }
}
