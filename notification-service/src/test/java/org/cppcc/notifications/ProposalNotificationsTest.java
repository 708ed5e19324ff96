package org.cppcc.notifications;

import org.cppcc.platform.testkit.TestClock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.cppcc.notifications.reminders.Reminders;
import org.cppcc.platform.testkit.DemoCommittees;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each party hears its part of a proposal's life: units their assignments and deadlines, the author decisions and replies. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(ChannelsTestResource.class)
class ProposalNotificationsTest {

    @Inject
    TestClock clock;
    @Inject
    Reminders reminders;

    static String unit;

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    static List<String> titles(String user, String proposalId) {
        return as(user).get("/me/notifications?limit=100").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.link.endsWith('" + proposalId + "') }.title", String.class);
    }

    static String event(String type, String proposalId, String data) {
        return Events.envelope(UUID.randomUUID().toString(), "proposals-service", "org.cppcc.proposals." + type + ".v1", proposalId, "440112", data);
    }

    @BeforeEach
    void unitOfficer() {
        if (unit == null) {
            DemoCommittees.announce();
            unit = UUID.randomUUID().toString();
            Events.publish("proposals.events", unit, Events.envelope("unit-" + unit, "proposals-service",
                    "org.cppcc.proposals.HandlingUnitRegistered.v1", unit, "440112",
                    "{\"unitId\":\"" + unit + "\",\"name\":\"黄埔区科技局\",\"officerUsernames\":[\"hp-unit\"]}"));
            await().atMost(Duration.ofSeconds(60)).until(() -> as("hp-unit").get("/me/notifications?limit=100").then().extract().jsonPath()
                    .getList("items.category", String.class).contains("unit.registered"));
        }
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theAuthorHearsTheReviewAndTheReplyTheOfficeHearsTheFeedback() {
        String id = UUID.randomUUID().toString();
        String author = Tokens.subject(Tokens.of("hp-member"));
        Events.publish("proposals.events", id, event("ProposalRegistered", id,
                "{\"proposalId\":\"" + id + "\",\"title\":\"审查结果测试\",\"number\":\"一届一次会议 第0007号\",\"authorUserId\":\"" + author + "\"}"));
        Events.publish("proposals.events", id, event("ProposalReplied", id, "{\"proposalId\":\"" + id + "\",\"title\":\"审查结果测试\",\"authorUserId\":\""
                + author + "\",\"unitId\":\"" + unit + "\",\"unitName\":\"黄埔区科技局\",\"classification\":\"A\",\"round\":1,\"allLeadsReplied\":true}"));
        Events.publish("proposals.events", id, event("FeedbackGiven", id, "{\"proposalId\":\"" + id
                + "\",\"title\":\"审查结果测试\",\"round\":1,\"replyRating\":\"UNSATISFIED\",\"contactRating\":\"SATISFIED\",\"reopened\":true}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> titles("hp-member", id).containsAll(List.of("提案审查结果", "提案已答复，请反馈"))
                && titles("hp-staff", id).contains("收到提案反馈"));
        String body = as("hp-member").get("/me/notifications?limit=100").then().extract().jsonPath()
                .getString("items.find { it.link.endsWith('" + id + "') && it.title == '提案审查结果' }.body");
        assertTrue(body.contains("第0007号"), body);
        assertTrue(titles("gz-member", id).isEmpty());
    }

    @Test
    void aUnitHearsItsAssignmentAndItsDeadlineUntilItReplies() {
        Instant now = ZonedDateTime.parse("2026-12-01T10:00:00+08:00[Asia/Shanghai]").toInstant();
        clock.set(now);
        String answered = UUID.randomUUID().toString();
        String silent = UUID.randomUUID().toString();
        LocalDate deadline = LocalDate.parse("2027-03-01");
        for (String id : List.of(answered, silent)) {
            Events.publish("proposals.events", id, event("ProposalAssigned", id, "{\"proposalId\":\"" + id + "\",\"title\":\"期限测试\",\"round\":1,"
                    + "\"units\":[{\"unitId\":\"" + unit + "\",\"unitName\":\"黄埔区科技局\",\"role\":\"LEAD\",\"deadline\":\"" + deadline + "\"}]}"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> titles("hp-unit", answered).contains("新交办提案")
                && titles("hp-unit", silent).contains("新交办提案"));
        assertTrue(titles("hp-member", answered).isEmpty(), "only the unit's officers hear of it");

        Events.publish("proposals.events", answered, event("ProposalReplied", answered, "{\"proposalId\":\"" + answered
                + "\",\"title\":\"期限测试\",\"authorUserId\":\"x\",\"unitId\":\"" + unit + "\",\"unitName\":\"黄埔区科技局\",\"classification\":\"B\",\"round\":1,\"allLeadsReplied\":true}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> fire(now) == 0 && repliedRouted(answered));

        fire(deadline.minusDays(14).atTime(9, 1).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        fire(deadline.minusDays(3).atTime(9, 1).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        assertEquals(2, titles("hp-unit", silent).stream().filter("提案办理即将到期"::equals).count(), "14 and 3 days before");
        assertEquals(0, titles("hp-unit", answered).stream().filter("提案办理即将到期"::equals).count(), "no reminders after the reply");

        fire(deadline.plusDays(1).atTime(9, 1).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        assertTrue(titles("hp-staff", silent).contains("提案办理已超期"));
        assertTrue(!titles("hp-staff", answered).contains("提案办理已超期"));
    }

    /**
     * 督办: a key proposal's leader hears of its progress; its overdue item goes up the committee's escalation (the unit
     * again, the office, the leader); an approved extension moves every reminder; and the unit gets its reminders by SMS
     * at its own mobile, as it chose.
     */
    @Test
    void aKeyProposalsOverdueItemGoesUpToItsLeaderAndAnExtensionMovesTheReminders() {
        Instant now = ZonedDateTime.parse("2026-12-01T10:00:00+08:00[Asia/Shanghai]").toInstant();
        clock.set(now);
        String leader = Tokens.subject(Tokens.of("hp-leader"));
        String mobile = "139" + String.valueOf(System.nanoTime()).substring(0, 8);
        // the unit's own contact: not by another unit's officer or a member, by its own officer
        String contact = "{\"mobile\":\"" + mobile + "\",\"channels\":[\"SMS\"]}";
        as("hp-unit2").contentType("application/json").body(contact).put("/committees/440112/handling-units/" + unit + "/contact").then().statusCode(404);
        as("hp-member").contentType("application/json").body(contact).put("/committees/440112/handling-units/" + unit + "/contact").then().statusCode(403);
        as("hp-unit").contentType("application/json").body("{\"mobile\":\"12\",\"channels\":[\"SMS\"]}")
                .put("/committees/440112/handling-units/" + unit + "/contact").then().statusCode(400);
        as("hp-unit").contentType("application/json").body(contact).put("/committees/440112/handling-units/" + unit + "/contact").then().statusCode(200);
        assertEquals(mobile, as("hp-staff").get("/committees/440112/handling-units/" + unit + "/contact").then().statusCode(200).extract().path("mobile"));

        String id = UUID.randomUUID().toString();
        String author = Tokens.subject(Tokens.of("hp-member"));
        Events.publish("proposals.events", id, event("ProposalMarkedKey", id, "{\"proposalId\":\"" + id + "\",\"title\":\"督办升级测试\",\"authorUserId\":\""
                + author + "\",\"supervisingLeader\":\"林国栋\",\"supervisorKind\":\"LEADER\",\"supervisorUserId\":\"" + leader + "\"}"));
        LocalDate deadline = LocalDate.parse("2027-03-01");
        Events.publish("proposals.events", id, event("ProposalAssigned", id, "{\"proposalId\":\"" + id + "\",\"title\":\"督办升级测试\",\"round\":1,"
                + "\"units\":[{\"unitId\":\"" + unit + "\",\"unitName\":\"黄埔区科技局\",\"role\":\"LEAD\",\"deadline\":\"" + deadline + "\"}],"
                + "\"escalation\":{\"unitAfterDays\":1,\"officeAfterDays\":3,\"leaderAfterDays\":5,\"leaderUserId\":\"" + leader + "\"}}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> titles("hp-leader", id).contains("督办提案进展") && countScheduled(id) == 5);

        // three days before: the unit's inbox, and an SMS at the unit's own mobile
        fire(deadline.minusDays(3).atTime(9, 1).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        await().atMost(Duration.ofSeconds(30)).until(() -> ChannelsTestResource.SMS.stream()
                .anyMatch(m -> m.contains(mobile) && m.contains("督办升级测试")));

        // the office approves an extension of 30 days: the reminders follow the new deadline
        LocalDate extended = deadline.plusDays(30);
        Events.publish("proposals.events", id, event("ExtensionDecided", id, "{\"proposalId\":\"" + id + "\",\"title\":\"督办升级测试\",\"round\":1,"
                + "\"extensionId\":\"" + UUID.randomUUID() + "\",\"unitId\":\"" + unit + "\",\"unitName\":\"黄埔区科技局\",\"role\":\"LEAD\","
                + "\"approved\":true,\"deadline\":\"" + extended + "\",\"note\":null,"
                + "\"escalation\":{\"unitAfterDays\":1,\"officeAfterDays\":3,\"leaderAfterDays\":5,\"leaderUserId\":\"" + leader + "\"}}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> titles("hp-unit", id).contains("延期申请结果"));
        fire(deadline.plusDays(6).atTime(9, 1).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        assertTrue(titles("hp-unit", id).stream().noneMatch("提案办理已超期"::equals), "nothing is overdue at the old deadline");
        assertTrue(titles("hp-staff", id).stream().noneMatch("提案办理已超期"::equals));

        // past the new deadline, unanswered: the unit the day after, the office on the third day, the leader on the fifth
        fire(extended.plusDays(1).atTime(9, 1).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        assertTrue(titles("hp-unit", id).contains("提案办理已超期"));
        assertTrue(titles("hp-staff", id).stream().noneMatch("提案办理已超期"::equals));
        fire(extended.plusDays(3).atTime(9, 1).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        assertTrue(titles("hp-staff", id).contains("提案办理已超期"));
        assertTrue(titles("hp-leader", id).stream().noneMatch("提案办理已超期"::equals));
        fire(extended.plusDays(5).atTime(9, 1).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        assertTrue(titles("hp-leader", id).contains("提案办理已超期"));

        // the reply reaches the leader as progress
        Events.publish("proposals.events", id, event("ProposalReplied", id, "{\"proposalId\":\"" + id + "\",\"title\":\"督办升级测试\",\"authorUserId\":\""
                + author + "\",\"unitId\":\"" + unit + "\",\"unitName\":\"黄埔区科技局\",\"classification\":\"A\",\"round\":1,\"allLeadsReplied\":true}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> titles("hp-leader", id).stream().filter("督办提案进展"::equals).count() == 2);
        assertTrue(titles("gz-staff", id).isEmpty());
    }

    /** The reply has been routed once the answered assignment has no reminder left. */
    private boolean repliedRouted(String id) {
        return countScheduled(id) == 0;
    }

    private static long countScheduled(String proposalId) {
        try (var c = org.cppcc.platform.testkit.TestPlatform.database();
             var st = c.prepareStatement("select count(*) from reminder where subject_key like ? and status = 'SCHEDULED'")) {
            st.setString(1, "assignment:" + proposalId + "%");
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int fire(Instant at) {
        clock.set(at);
        return reminders.fireDue();
    }

    static List<String> bodies(String user, String clueId) {
        return as(user).get("/me/notifications?limit=100").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.link == '/committees/440112/clues/" + clueId + "' }.body", String.class);
    }

    /** 订单式提案: the committee's members hear of a new clue; its unit of each take and proposal; those who took it of its closing. */
    @Test
    void aCluesStepsReachTheMembersTheUnitAndThoseWhoTookIt() {
        String clue = UUID.randomUUID().toString();
        String taker = Tokens.subject(Tokens.of("hp-member2"));
        String envelope = "{\"clueId\":\"%s\",\"title\":\"加装电梯\",\"unitId\":\"%s\"".formatted(clue, unit);
        Events.publish("proposals.events", clue, clueEvent("CluePosted", clue, envelope + ",\"unitName\":\"黄埔区科技局\",\"openUntil\":\"2026-12-31\"}"));
        Events.publish("proposals.events", clue, clueEvent("ClueTaken", clue, envelope + ",\"userId\":\"" + taker + "\",\"name\":\"王芳\"}"));
        Events.publish("proposals.events", clue, clueEvent("ClueProposalSubmitted", clue, envelope
                + ",\"proposalId\":\"" + UUID.randomUUID() + "\",\"proposalTitle\":\"关于加装电梯的提案\",\"authorName\":\"王芳\"}"));
        Events.publish("proposals.events", clue, clueEvent("ClueClosed", clue, envelope + ",\"takerUserIds\":[\"" + taker + "\"]}"));

        await().atMost(Duration.ofSeconds(30)).until(() -> bodies("hp-unit", clue).size() == 2 && bodies("hp-member2", clue).size() == 2);
        assertEquals(List.of("黄埔区科技局发布提案线索《加装电梯》，2026-12-31前可认领。"), bodies("hp-member", clue));
        assertTrue(bodies("hp-unit", clue).containsAll(List.of("线索《加装电梯》：王芳委员认领了线索。",
                "线索《加装电梯》：王芳委员据此提交了提案《关于加装电梯的提案》。")), () -> bodies("hp-unit", clue).toString());
        assertTrue(bodies("hp-member2", clue).contains("线索《加装电梯》：线索已关闭。"), () -> bodies("hp-member2", clue).toString());
        assertEquals(List.of(), bodies("gz-member", clue), "a member of another committee hears nothing of it");
    }

    private static String clueEvent(String type, String clueId, String data) {
        return Events.envelope(UUID.randomUUID().toString(), "proposals-service", "org.cppcc.proposals." + type + ".v1", clueId, "440112", data);
    }
}
