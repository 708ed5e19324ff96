package org.cppcc.notifications;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.Tokens;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(ChannelsTestResource.class)
class InboxTest {

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    static String proposalSubmitted(String eventId, String proposalId, String committee, String authorUserId, String title) {
        return """
                {"specversion":"1.0","id":"%s","source":"/cppcc/proposals-service","type":"org.cppcc.proposals.ProposalSubmitted.v1",
                 "subject":"%s","time":"2026-11-22T08:00:00Z","datacontenttype":"application/json","committee":"%s",
                 "data":{"proposalId":"%s","title":"%s","kind":"INDIVIDUAL","authorUserId":"%s","authorName":"张伟",
                         "submittedAt":"2026-11-22T08:00:00Z"}}""".formatted(eventId, proposalId, committee, proposalId, title, authorUserId);
    }

    static List<String> links(String user) {
        return as(user).get("/me/notifications?limit=100").then().statusCode(200).extract().jsonPath().getList("items.link");
    }

    @Test
    void submittedProposalReachesTheProposalOfficeAndTheAuthorExactlyOnceEvenWhenRedelivered() {
        String proposalId = UUID.randomUUID().toString();
        String author = Tokens.subject(Tokens.of("hp-member"));
        String event = proposalSubmitted(UUID.randomUUID().toString(), proposalId, "440112", author, "关于优化营商环境的提案");
        TopicReader.publish("proposals.events", proposalId, event);
        TopicReader.publish("proposals.events", proposalId, event); // redelivery: same event id
        String link = "/committees/440112/proposals/" + proposalId;

        // a marker behind the duplicate on the same key (same partition): once it arrives, the duplicate was seen
        String marker = UUID.randomUUID().toString();
        TopicReader.publish("proposals.events", proposalId, proposalSubmitted(UUID.randomUUID().toString(), marker, "440112", author, "标记"));
        await().atMost(Duration.ofSeconds(30)).until(() -> links("hp-staff").contains("/committees/440112/proposals/" + marker));
        assertEquals(1, links("hp-staff").stream().filter(link::equals).count(), "one review item for the office");
        assertEquals(1, links("hp-member").stream().filter(link::equals).count(), "one receipt for the author");

        as("hp-staff").get("/me/notifications?limit=100").then()
                .body("items.find { it.link == '" + link + "' }.title", equalTo("新提案待审查"))
                .body("items.find { it.link == '" + link + "' }.read", equalTo(false));
        as("hp-member").get("/me/notifications?limit=100").then()
                .body("items.find { it.link == '" + link + "' }.title", equalTo("提案已提交"));
    }

    @Test
    void aWarnedInactiveMemberGetsADutyPerformanceReminder() {
        String member = Tokens.subject(Tokens.of("dx-member"));
        String memberId = UUID.randomUUID().toString();
        String link = "/committees/110115/members/" + memberId + "/performance";
        TopicReader.publish("members.events", memberId, Events.envelope(UUID.randomUUID().toString(), "members-service",
                "org.cppcc.members.InactivityWarned.v1", memberId, "110115", """
                        {"memberId":"%s","userId":"%s","name":"周军","daysWithoutActivity":200}""".formatted(memberId, member)));
        await().atMost(Duration.ofSeconds(30)).until(() -> links("dx-member").contains(link));
        as("dx-member").get("/me/notifications?limit=100").then()
                .body("items.find { it.link == '" + link + "' }.title", org.hamcrest.Matchers.equalTo("履职提醒"))
                .body("items.find { it.link == '" + link + "' }.body", org.hamcrest.Matchers.containsString("200天"));
        org.junit.jupiter.api.Assertions.assertFalse(links("hp-member").contains(link));
    }

    @Test
    void anAdoptedOpinionReportIsToldToItsAuthor() {
        String author = Tokens.subject(Tokens.of("hp-member"));
        String reportId = UUID.randomUUID().toString();
        String link = "/committees/440112/opinion-reports/" + reportId;
        TopicReader.publish("proposals.events", reportId, Events.envelope(UUID.randomUUID().toString(), "proposals-service",
                "org.cppcc.proposals.OpinionReportAdopted.v1", reportId, "440112", """
                        {"reportId":"%s","title":"停车难","authorUserId":"%s","adoptedBy":"区委办《每日要情》"}""".formatted(reportId, author)));
        await().atMost(Duration.ofSeconds(30)).until(() -> links("hp-member").contains(link));
        as("hp-member").get("/me/notifications?limit=100").then()
                .body("items.find { it.link == '" + link + "' }.body", org.hamcrest.Matchers.equalTo("您报送的社情民意信息《停车难》已被区委办《每日要情》采用。"));
    }

    @Test
    void aCultivatedItemIsToldToTheParentsOfficeAndItsDecisionToTheRecommendingOfficeAndTheAuthor() {
        // cultivation news is acted on for the committees this deployment hosts: they are known first
        org.cppcc.platform.testkit.DemoCommittees.announce();
        TopicReader.awaitConsumed("notification-service", Duration.ofSeconds(60), "members.events");
        String author = Tokens.subject(Tokens.of("hp-member"));
        String hop = UUID.randomUUID().toString();
        String root = UUID.randomUUID().toString();
        TopicReader.publish("cultivation.events", root, Events.envelope(UUID.randomUUID().toString(), "proposals-service",
                "org.cppcc.proposals.CultivationRecommended.v1", root, "440100", """
                        {"hopId":"%s","rootId":"%s","fromCommittee":"440112","toCommittee":"440100","kind":"PROPOSAL","sourceId":"%s",
                         "title":"科创走廊","authorUserId":"%s","authorName":"张伟","note":null}""".formatted(hop, root, UUID.randomUUID(), author)));
        String recommended = "/committees/440100/cultivation/items/" + hop;
        await().atMost(Duration.ofSeconds(30)).until(() -> links("gz-staff").contains(recommended));
        assertFalse(links("hp-staff").contains(recommended));

        TopicReader.publish("cultivation.events", root, Events.envelope(UUID.randomUUID().toString(), "proposals-service",
                "org.cppcc.proposals.CultivationAdopted.v1", root, "440112", """
                        {"hopId":"%s","rootId":"%s","fromCommittee":"440112","toCommittee":"440100","proposalId":"%s","adoptedAs":"MEMBER",
                         "adoptedAuthorUserId":null,"title":"科创走廊","originalAuthorUserId":"%s"}""".formatted(hop, root, UUID.randomUUID(), author)));
        String decided = "/committees/440112/cultivation/items/" + hop;
        await().atMost(Duration.ofSeconds(30)).until(() -> links("hp-staff").contains(decided) && links("hp-member").contains(decided));
        as("hp-member").get("/me/notifications?limit=100").then()
                .body("items.find { it.link == '" + decided + "' }.body", org.hamcrest.Matchers.containsString("《科创走廊》已被采纳"));
        assertFalse(links("gz-staff").contains(decided));
    }

    @Test
    void aUserReadsOnlyTheirOwnInbox() {
        String proposalId = UUID.randomUUID().toString();
        String author = Tokens.subject(Tokens.of("hp-member"));
        TopicReader.publish("proposals.events", proposalId, proposalSubmitted(UUID.randomUUID().toString(), proposalId, "440112", author, "只给黄埔"));
        String link = "/committees/440112/proposals/" + proposalId;
        await().atMost(Duration.ofSeconds(30)).until(() -> links("hp-staff").contains(link));

        // 广州市's proposal office, another member, a handling unit: none of them sees 黄埔区's items
        assertFalse(links("gz-staff").contains(link));
        assertFalse(links("dx-member").contains(link));
        assertFalse(links("hp-unit").contains(link));

        String staffItem = as("hp-staff").get("/me/notifications?limit=100").then().extract().jsonPath()
                .getString("items.find { it.link == '" + link + "' && it.category == 'proposal.review' }.id");
        as("gz-staff").post("/me/notifications/" + staffItem + "/read").then().statusCode(404).contentType("application/problem+json");
        as("hp-member").post("/me/notifications/" + staffItem + "/read").then().statusCode(404);
        given().get("/me/notifications").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void markingReadLowersTheUnreadCount() {
        String proposalId = UUID.randomUUID().toString();
        TopicReader.publish("proposals.events", proposalId, proposalSubmitted(UUID.randomUUID().toString(), proposalId, "440100",
                Tokens.subject(Tokens.of("gz-member")), "广州提案"));
        String link = "/committees/440100/proposals/" + proposalId;
        await().atMost(Duration.ofSeconds(30)).until(() -> links("gz-staff").contains(link));
        int before = as("gz-staff").get("/me/notifications/unread-count").then().statusCode(200).extract().path("count");
        String id = as("gz-staff").get("/me/notifications?unread=true&limit=100").then().extract().jsonPath()
                .getString("items.find { it.link == '" + link + "' }.id");
        as("gz-staff").post("/me/notifications/" + id + "/read").then().statusCode(204);
        as("gz-staff").post("/me/notifications/" + id + "/read").then().statusCode(204);
        as("gz-staff").get("/me/notifications/unread-count").then().body("count", equalTo(before - 1));
        as("gz-staff").get("/me/notifications?unread=true&limit=100").then().body("items.id", not(hasItem(id)));
        assertTrue(as("gz-staff").get("/me/notifications?limit=100").then().extract().jsonPath()
                .getBoolean("items.find { it.id == '" + id + "' }.read"));
    }

    /** The badge stops counting at 99 and says there are more: a busy inbox costs no more than a quiet one. */
    @Test
    void theUnreadCountStopsAt99AndSaysThereAreMore() {
        String author = Tokens.subject(Tokens.of("hp-member2"));
        for (int i = 0; i < 101; i++) {
            String proposalId = UUID.randomUUID().toString();
            TopicReader.publish("proposals.events", proposalId, Events.proposalSubmitted("440112", proposalId, author, "回执" + i));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> as("hp-member2").get("/me/notifications/unread-count").then().statusCode(200)
                .extract().<Boolean>path("more"));
        as("hp-member2").get("/me/notifications/unread-count").then().body("count", equalTo(99));
    }

    @Test
    void aPoisonMessageIsDeadLetteredAndConsumptionGoesOn() {
        TopicReader.publish("proposals.events", "poison", "this is not a CloudEvent");
        var dead = TopicReader.await("dlq.notification-service.proposals.events", e -> true, 1, Duration.ofSeconds(60));
        assertFalse(dead.isEmpty(), "the poison message is on the dead-letter topic");

        String proposalId = UUID.randomUUID().toString();
        TopicReader.publish("proposals.events", proposalId, proposalSubmitted(UUID.randomUUID().toString(), proposalId, "440112",
                Tokens.subject(Tokens.of("hp-member")), "毒消息之后"));
        await().atMost(Duration.ofSeconds(30)).until(() -> links("hp-staff").contains("/committees/440112/proposals/" + proposalId));
    }
}
