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
        as("gz-staff").get("/committees/" + committee + "/broadcasts/" + id).then().statusCode(403);
    }

    @Test
    void aMeetingTomorrowIsRemindedAndACancelledOneIsNot() {
        Instant now = ZonedDateTime.parse("2026-12-01T09:00:00+08:00[Asia/Shanghai]").toInstant();
        clock.set(now);
        String kept = UUID.randomUUID().toString();
        String cancelled = UUID.randomUUID().toString();
        Events.publish("consultations.events", kept, Events.activityScheduled("440112", kept, "双月协商座谈会", now.plus(Duration.ofDays(3))));
        Events.publish("consultations.events", cancelled, Events.activityScheduled("440112", cancelled, "已取消的座谈会", now.plus(Duration.ofDays(3))));
        Events.publish("consultations.events", cancelled, Events.activityCancelled("440112", cancelled, "已取消的座谈会"));
        // announced now to the members (role-addressed), and the cancellation too
        await().atMost(Duration.ofSeconds(30)).until(() -> links("hp-member").stream().filter(l -> l.endsWith(cancelled)).count() == 2
                && links("hp-member").stream().anyMatch(l -> l.endsWith(kept)));

        assertEquals(0, fire(now.plus(Duration.ofDays(1))), "not due yet");
        assertEquals(1, fire(now.plus(Duration.ofDays(2)).plusSeconds(60)), "the day before, only the meeting that still takes place");
        List<String> titles = as("hp-member").get("/me/notifications?limit=100").then().extract().jsonPath()
                .getList("items.findAll { it.link.endsWith('" + kept + "') }.title");
        assertTrue(titles.contains("协商活动提醒"), titles.toString());
        assertEquals(0, fire(now.plus(Duration.ofDays(2)).plusSeconds(120)), "a reminder fires once");
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
