package org.cppcc.notifications;

import org.cppcc.platform.testkit.TestClock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cppcc.notifications.reminders.Reminders;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.TestPlatform;
import org.cppcc.platform.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(ChannelsTestResource.class)
class BroadcastAndRemindersTest {

    @Inject
    TestClock clock;
    @Inject
    Reminders reminders;

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/json");
    }

    private static boolean committeesAnnounced;

    @org.junit.jupiter.api.BeforeEach
    void committees() {
        if (!committeesAnnounced) {
            org.cppcc.platform.testkit.DemoCommittees.announce();
            committeesAnnounced = true;
        }
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static long count(String sql, String arg) throws Exception {
        try (Connection c = TestPlatform.database();
             PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, arg);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static List<String> links(String user) {
        return as(user).get("/me/notifications?limit=100").then().statusCode(200).extract().jsonPath().getList("items.link");
    }

    @Test
    void aBroadcastToTwoThousandMembersReachesEveryInbox() throws Exception {
        String committee = "440112";
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestPlatform.kafkaBootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < 2000; i++) {
                String user = "bulk-%04d".formatted(i);
                String data = "{\"memberId\":\"m-" + user + "\",\"userId\":\"" + user + "\",\"username\":\"" + user
                        + "\",\"name\":\"委员" + i + "\",\"sector\":\"经济界\",\"email\":null,\"mobile\":null}";
                producer.send(new ProducerRecord<>("members.events", user, Events.envelope("bulk-" + user, "members-service",
                        "org.cppcc.members.MemberJoined.v1", "m-" + user, committee, data)));
            }
        }
        Events.memberJoined(committee, Tokens.subject(Tokens.of("hp-member")), "hp-member", "张伟", ChannelsTest.HP_EMAIL, ChannelsTest.HP_MOBILE);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count("select count(*) from recipient where committee = ? and user_id like 'bulk-%'", committee) == 2000
                        && count("select count(*) from recipient where committee = ? and username = 'hp-member'", committee) == 1);

        await().atMost(Duration.ofSeconds(60)).until(() -> as("hp-member").body("{\"title\":\"x\",\"body\":\"y\"}")
                .post("/committees/" + committee + "/broadcasts").statusCode() == 403);
        as("hp-staff").body("{\"title\":\"\",\"body\":\"y\"}").post("/committees/" + committee + "/broadcasts").then().statusCode(400);
        String id = as("hp-staff").body("{\"title\":\"关于召开全体会议的通知\",\"body\":\"定于12月10日召开全体会议，请全体委员准时出席。\"}")
                .post("/committees/" + committee + "/broadcasts").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() ->
                "DONE".equals(as("hp-staff").get("/committees/" + committee + "/broadcasts/" + id).then().statusCode(200).extract().path("status")));
        int recipients = as("hp-staff").get("/committees/" + committee + "/broadcasts/" + id).then().extract().path("recipients");
        assertTrue(recipients >= 2001);
        assertEquals(recipients, count("select count(distinct audience) from notification where event_id = ?", "broadcast:" + id),
                "one inbox item for every member");
        assertTrue(links("hp-member").contains("/committees/" + committee + "/broadcasts/" + id));
        // the batched fan-out queues each member's channels as a single message would: hp-member gave an e-mail and a mobile
        assertEquals(2, count("select count(*) from delivery d join notification n on n.id = d.notification_id where n.event_id = ? "
                + "and n.audience = '" + Tokens.subject(Tokens.of("hp-member")) + "' and d.channel in ('EMAIL', 'SMS')", "broadcast:" + id));
        assertEquals(0, count("select count(*) from delivery d join notification n on n.id = d.notification_id where n.event_id = ? "
                + "and n.audience like 'bulk-%'", "broadcast:" + id), "members without contacts have their inbox only");
        as("gz-staff").get("/committees/" + committee + "/broadcasts/" + id).then().statusCode(403);
    }

    @Test
    void aMeetingIsRemindedTheDayBeforeToItsInviteesOnlyAtItsCurrentTime() {
        Instant now = ZonedDateTime.parse("2026-12-01T09:00:00+08:00[Asia/Shanghai]").toInstant();
        clock.set(now);
        String member = Tokens.subject(Tokens.of("hp-member"));
        String member2 = Tokens.subject(Tokens.of("hp-member2"));
        String kept = UUID.randomUUID().toString();
        String cancelled = UUID.randomUUID().toString();
        String moved = UUID.randomUUID().toString();
        List<String> ours = List.of(kept, cancelled, moved);
        for (String a : ours) {
            Events.publish("consultations.events", a, Events.activityScheduled("440112", a, "座谈会" + a.substring(0, 4), now.plus(Duration.ofDays(3))));
            consultation(a, "ParticipationRecorded", "{\"activityId\":\"" + a + "\",\"title\":\"座谈会\",\"form\":\"BIMONTHLY\",\"userId\":\""
                    + member + "\",\"participation\":\"INVITED\",\"occurredAt\":\"" + now + "\"}");
        }
        // hp-member2 is invited to the kept one too, and asks for leave
        consultation(kept, "ParticipationRecorded", "{\"activityId\":\"" + kept + "\",\"title\":\"座谈会\",\"form\":\"BIMONTHLY\",\"userId\":\""
                + member2 + "\",\"participation\":\"INVITED\",\"occurredAt\":\"" + now + "\"}");
        consultation(kept, "InvitationAnswered", "{\"activityId\":\"" + kept + "\",\"title\":\"座谈会\",\"userId\":\"" + member2
                + "\",\"name\":\"李华\",\"answer\":\"LEAVE_REQUESTED\",\"reason\":\"出差\"}");
        Events.publish("consultations.events", cancelled, Events.activityCancelled("440112", cancelled, "已取消的座谈会"));
        Instant movedTo = now.plus(Duration.ofDays(5));
        consultation(moved, "ActivityRescheduled", "{\"activityId\":\"" + moved + "\",\"title\":\"改期的座谈会\",\"startsAt\":\"" + movedTo
                + "\",\"location\":\"区政协二楼\",\"previousStartsAt\":\"" + now.plus(Duration.ofDays(3)) + "\",\"previousLocation\":\"区政协\","
                + "\"reason\":\"时间冲突\"}");
        // the schedule and the cancellation are announced to the members (and the invitation to the invitee); the move to its
        // invitee, with the old time and the reason
        await().atMost(Duration.ofSeconds(30)).until(() -> links("hp-member").stream().filter(l -> l.endsWith(cancelled)).count() == 3
                && titles("hp-member", moved).contains("协商活动改期") && links("hp-member2").stream().anyMatch(l -> l.endsWith(kept)));
        assertTrue(bodies("hp-member", "/committees/440112/activities/" + moved).stream().anyMatch(b -> b.contains("区政协二楼") && b.contains("时间冲突")));
        assertEquals(List.of("协商活动通知"), titles("hp-member2", moved), "not invited to it: its announcement, no news of its move");

        fire(now.plus(Duration.ofDays(1)));
        assertEquals(List.of(), reminded("hp-member", ours), "not due yet");
        fire(now.plus(Duration.ofDays(2)).plusSeconds(60));
        assertEquals(List.of(kept), reminded("hp-member", ours), "the day before: the one still held at that time (not the cancelled, not the moved)");
        assertEquals(List.of(), reminded("hp-member2", ours), "on leave: no reminder");
        fire(now.plus(Duration.ofDays(4)).plusSeconds(60));
        assertEquals(List.of(kept, moved), reminded("hp-member", ours), "the moved one the day before its new time; each once");
        fire(now.plus(Duration.ofDays(4)).plusSeconds(120));
        assertEquals(List.of(kept, moved), reminded("hp-member", ours), "a reminder fires once");
    }

    private static void consultation(String subject, String type, String data) {
        Events.publish("consultations.events", subject, Events.envelope(UUID.randomUUID().toString(), "consultation-service",
                "org.cppcc.consultations." + type + ".v1", subject, "440112", data));
    }

    private static List<String> titles(String user, String activity) {
        return as(user).get("/me/notifications?limit=100").then().extract().jsonPath()
                .getList("items.findAll { it.link.endsWith('" + activity + "') }.title");
    }

    /** The activities the user was reminded of (oldest first), of those this test made. */
    private static List<String> reminded(String user, List<String> ours) {
        List<String> links = as(user).get("/me/notifications?limit=100").then().extract().jsonPath()
                .getList("items.findAll { it.category == 'consultation.reminder' }.link");
        List<String> ids = new java.util.ArrayList<>(links.stream().map(l -> l.substring(l.lastIndexOf('/') + 1)).filter(ours::contains).toList());
        java.util.Collections.reverse(ids);
        return ids;
    }

    static List<String> bodies(String user, String link) {
        return as(user).get("/me/notifications?limit=100").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.link == '" + link + "' }.body");
    }

    /** The consultation cycle: the plan to the members, answers and 批示 to the office, what became of an opinion to its author. */
    @Test
    void aConsultationsStepsReachThoseConcerned() {
        String plan = UUID.randomUUID().toString();
        String activity = UUID.randomUUID().toString();
        String report = UUID.randomUUID().toString();
        String member = Tokens.subject(Tokens.of("hp-member"));
        Events.publish("consultations.events", plan, Events.envelope(UUID.randomUUID().toString(), "consultation-service",
                "org.cppcc.consultations.PlanPublished.v1", plan, "440112",
                "{\"planId\":\"" + plan + "\",\"year\":2031,\"title\":\"2031年度协商计划\",\"topics\":6}"));
        Events.publish("consultations.events", activity, Events.envelope(UUID.randomUUID().toString(), "consultation-service",
                "org.cppcc.consultations.InvitationAnswered.v1", activity, "440112", "{\"activityId\":\"" + activity
                        + "\",\"title\":\"双月协商座谈会\",\"userId\":\"u\",\"name\":\"李华\",\"answer\":\"LEAVE_REQUESTED\",\"reason\":\"出差\"}"));
        Events.publish("consultations.events", activity, Events.envelope(UUID.randomUUID().toString(), "consultation-service",
                "org.cppcc.consultations.OpinionAdopted.v1", activity, "440112", "{\"opinionId\":\"o1\",\"activityId\":\"" + activity
                        + "\",\"activityTitle\":\"双月协商座谈会\",\"authorUserId\":\"" + member + "\",\"text\":\"设立企业服务专员\",\"adoptedBy\":\"区政府\"}"));
        Events.publish("consultations.events", report, Events.envelope(UUID.randomUUID().toString(), "consultation-service",
                "org.cppcc.consultations.ReportInstructed.v1", report, "440112", "{\"reportId\":\"" + report
                        + "\",\"topicId\":\"t\",\"title\":\"协商报告\",\"instructedBy\":\"区委书记\",\"instruction\":\"抓好落实\"}"));
        Events.publish("consultations.events", activity, Events.envelope(UUID.randomUUID().toString(), "consultation-service",
                "org.cppcc.consultations.ParticipationRecorded.v1", activity, "440112", "{\"activityId\":\"" + activity
                        + "\",\"title\":\"双月协商座谈会\",\"form\":\"BIMONTHLY\",\"userId\":\"" + member
                        + "\",\"participation\":\"INVITED\",\"occurredAt\":\"2026-11-22T08:00:00Z\"}"));
        String activityLink = "/committees/440112/activities/" + activity;
        await().atMost(Duration.ofSeconds(30)).until(() -> bodies("hp-member", "/committees/440112/consultation-plans/" + plan).size() == 1
                && bodies("hp-member", activityLink).size() == 2 && bodies("hp-staff", activityLink).size() == 1
                && bodies("hp-staff", "/committees/440112/reports/" + report).size() == 1);
        assertEquals(List.of("2031年协商计划《2031年度协商计划》已发布，共6个议题。"), bodies("hp-member", "/committees/440112/consultation-plans/" + plan));
        assertTrue(bodies("hp-member", activityLink).stream().anyMatch(b -> b.contains("已被区政府采纳")), bodies("hp-member", activityLink).toString());
        assertTrue(bodies("hp-member", activityLink).stream().anyMatch(b -> b.contains("诚邀您参加“双月协商座谈会”")), "the invitation, to the invited");
        assertTrue(bodies("hp-staff", activityLink).get(0).contains("请假：出差"));
        assertTrue(bodies("hp-staff", "/committees/440112/reports/" + report).get(0).contains("区委书记批示：抓好落实"));
        assertTrue(bodies("hp-member2", activityLink).isEmpty(), "the author only");
    }

    /** Runs the reminder job at a given time, as its schedule would. */
    private int fire(Instant at) {
        clock.set(at);
        return reminders.fireDue();
    }
}
