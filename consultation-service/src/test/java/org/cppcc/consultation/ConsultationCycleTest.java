package org.cppcc.consultation;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.TestClock;
import org.cppcc.platform.testkit.Tokens;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.cppcc.consultation.ActivityTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consultation cycle of a 双月协商座谈会: the year's plan and its topic, the activity held under it, members
 * accepting or asking for leave, checking in with the code shown at the venue (once, in its window, the right code),
 * opinions raised, merged, adopted, transformed and answered, a report to leaders with its 批示, and the plan's
 * figures — each step an event; another committee can neither read nor join.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ConsultationCycleTest {

    @Inject
    TestClock clock;

    @BeforeEach
    void rosterKnown() {
        ConsultationTestSupport.rosterKnown();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static JsonNode event(String subject, String type, Map<String, String> match) {
        return TopicReader.await("consultations.events", e -> subject.equals(e.path("subject").asText())
                && ("org.cppcc.consultations." + type + ".v1").equals(e.path("type").asText())
                && match.entrySet().stream().allMatch(m -> m.getValue().equals(e.path("data").path(m.getKey()).asText())), 1,
                Duration.ofSeconds(30)).get(0).path("data");
    }

    @Test
    void aBimonthlyConsultationFromPlanToOutcome() {
        int year = 2031 + (int) (Math.abs(UUID.randomUUID().getMostSignificantBits()) % 500);
        // the plan: the office's; one per year; topics within its year; published once, with its topics
        String plan = "{\"year\":" + year + ",\"title\":\"" + year + "年度协商计划\"}";
        as("hp-member").body(plan).post("/committees/440112/consultation-plans").then().statusCode(403);
        String planId = as("hp-staff").body(plan).post("/committees/440112/consultation-plans").then().statusCode(200)
                .body("status", equalTo("DRAFT")).extract().path("id");
        as("hp-staff").body(plan).post("/committees/440112/consultation-plans").then().statusCode(409).contentType("application/problem+json");
        as("hp-staff").post("/committees/440112/consultation-plans/" + planId + "/publish").then().statusCode(409);
        String topic = """
                {"title":"优化营商环境","form":"BIMONTHLY","owner":"经济科技委员会","leaders":"林国栋","department":"区发展和改革局","plannedFor":"%s"}""";
        as("hp-staff").body(topic.formatted((year - 1) + "-03-15")).post("/committees/440112/consultation-plans/" + planId + "/topics")
                .then().statusCode(400);
        String topicId = as("hp-staff").body(topic.formatted(year + "-03-15")).post("/committees/440112/consultation-plans/" + planId + "/topics")
                .then().statusCode(200).body("status", equalTo("PLANNED")).extract().path("id");
        as("hp-staff").post("/committees/440112/consultation-plans/" + planId + "/publish").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        as("hp-staff").post("/committees/440112/consultation-plans/" + planId + "/publish").then().statusCode(409);
        assertEquals(1, event(planId, "PlanPublished", Map.of()).path("topics").asInt());
        as("hp-member").get("/committees/440112/consultation-plans/" + planId).then().statusCode(200).body("topics[0].title", equalTo("优化营商环境"));
        as("gz-member").get("/committees/440112/consultation-plans/" + planId).then().statusCode(403);
        as("gz-staff").get("/committees/440100/consultation-plans/" + planId).then().statusCode(404);

        // the activity under the topic, three days ahead; a topic of nobody's plan is refused
        Instant startsAt = Instant.now().plus(Duration.ofDays(3));
        String activity = "{\"form\":\"BIMONTHLY\",\"title\":\"双月协商座谈会：优化营商环境\",\"startsAt\":\"" + startsAt
                + "\",\"location\":\"区政协会议室\",\"topicId\":\"%s\"}";
        as("hp-staff").body(activity.formatted(UUID.randomUUID())).post("/committees/440112/activities").then().statusCode(400);
        String activityId = as("hp-staff").body(activity.formatted(topicId)).post("/committees/440112/activities").then().statusCode(201)
                .body("topicId", equalTo(topicId)).extract().path("id");
        as("hp-staff").body("{\"usernames\":[\"hp-member\",\"hp-member2\"]}").post("/committees/440112/activities/" + activityId + "/invitations")
                .then().statusCode(200);

        // answers: accept; leave only with a reason; not by a member of another committee
        String base = "/committees/440112/activities/" + activityId;
        as("hp-member").body("{\"answer\":\"ACCEPT\"}").post(base + "/answer").then().statusCode(200).body("answer", equalTo("ACCEPTED"));
        as("hp-member2").body("{\"answer\":\"LEAVE\"}").post(base + "/answer").then().statusCode(400);
        as("hp-member2").body("{\"answer\":\"LEAVE\",\"reason\":\"出差\"}").post(base + "/answer").then().statusCode(200)
                .body("answer", equalTo("LEAVE_REQUESTED")).body("answerReason", equalTo("出差"));
        as("gz-member").body("{\"answer\":\"ACCEPT\"}").post(base + "/answer").then().statusCode(403);
        String member2 = Tokens.subject(Tokens.of("hp-member2"));
        assertEquals("出差", event(activityId, "InvitationAnswered", Map.of("userId", member2)).path("reason").asText());

        // check-in: not before the office opens it; a wrong code changes nothing; once; not after the window
        as("hp-member").body("{\"code\":\"123456\"}").post(base + "/check-in").then().statusCode(409);
        as("hp-member").body("{\"validMinutes\":30}").post(base + "/check-in-code").then().statusCode(403);
        JsonPath code = as("hp-staff").body("{\"validMinutes\":30}").post(base + "/check-in-code").then().statusCode(200)
                .body("code", matchesPattern("[0-9]{6}")).extract().jsonPath();
        String right = code.getString("code");
        assertTrue(code.getString("qrPayload").endsWith(activityId + ":" + right));
        String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);
        as("hp-member").body("{\"code\":\"" + wrong + "\"}").post(base + "/check-in").then().statusCode(400).contentType("application/problem+json");
        as("hp-member").body("{\"code\":\"12ab\"}").post(base + "/check-in").then().statusCode(400);
        assertEquals("INVITED", participant(base, "hp-member").getString("status"));
        as("hp-member").body("{\"code\":\"" + right + "\"}").post(base + "/check-in").then().statusCode(200).body("status", equalTo("ATTENDED"));
        as("hp-member").body("{\"code\":\"" + right + "\"}").post(base + "/check-in").then().statusCode(409);
        assertNotNull(participant(base, "hp-member").getString("checkedInAt"));
        String member1 = Tokens.subject(Tokens.of("hp-member"));
        event(activityId, "ParticipationRecorded", Map.of("userId", member1, "participation", "ATTENDED"));
        clock.set(Instant.now().plus(Duration.ofMinutes(31)));
        as("hp-member2").body("{\"code\":\"" + right + "\"}").post(base + "/check-in").then().statusCode(409);
        assertEquals("INVITED", participant(base, "hp-member2").getString("status"));
        clock.reset();

        // opinions: by those invited; a guest's recorded by the office; a member reads their own
        String a = opinion("hp-member", base, "{\"text\":\"建议设立企业服务专员制度\"}");
        String b = opinion("hp-member", base, "{\"text\":\"建议推行企业服务专员\"}");
        String c = opinion("hp-member2", base, "{\"text\":\"建议压缩工程建设项目审批时限\"}");
        String guest = opinion("hp-staff", base, "{\"text\":\"希望夜间施工审批更便利\",\"authorName\":\"企业代表王女士\"}");
        as("gz-member").body("{\"text\":\"x\"}").post(base + "/opinions").then().statusCode(403);
        assertEquals(List.of(a, b), as("hp-member").get(base + "/opinions").then().statusCode(200).extract().jsonPath().getList("id"));
        JsonPath all = as("hp-staff").get(base + "/opinions").then().extract().jsonPath();
        assertEquals(4, all.getList("id").size());
        assertEquals("企业代表王女士", all.getString("find { it.id == '" + guest + "' }.authorName"));
        assertEquals(null, all.getString("find { it.id == '" + guest + "' }.authorUserId"), "a guest has no account");
        // a guest on the activity's guest list: the opinion names the record, and its name is the record's
        String expert = as("hp-staff").body("{\"name\":\"李教授\",\"organisation\":\"中山大学\",\"kind\":\"EXPERT\"}").post(base + "/guests")
                .then().statusCode(200).extract().path("id");
        as("hp-member").body("{\"text\":\"x\",\"guestId\":\"" + expert + "\"}").post(base + "/opinions").then().statusCode(403);
        as("hp-staff").body("{\"text\":\"x\",\"guestId\":\"" + UUID.randomUUID() + "\"}").post(base + "/opinions").then().statusCode(400);
        String expertOpinion = opinion("hp-staff", base, "{\"text\":\"建议引入第三方营商环境评估\",\"guestId\":\"" + expert + "\"}");
        JsonPath recorded = as("hp-staff").get(base + "/opinions").then().extract().jsonPath();
        assertEquals(List.of("李教授", expert), List.of(recorded.getString("find { it.id == '" + expertOpinion + "' }.authorName"),
                recorded.getString("find { it.id == '" + expertOpinion + "' }.guestId")));

        // the same said at another activity of the topic (its field visit) merges across; an activity of no topic does not
        String visit = as("hp-staff").body(activity.formatted(topicId).replace("BIMONTHLY", "RESEARCH")).post("/committees/440112/activities")
                .then().statusCode(201).extract().path("id");
        String loose = as("hp-staff").body(activity.formatted(topicId).replace(",\"topicId\":\"" + topicId + "\"", ""))
                .post("/committees/440112/activities").then().statusCode(201).body("topicId", equalTo(null)).extract().path("id");
        String onVisit = opinion("hp-staff", "/committees/440112/activities/" + visit, "{\"text\":\"设立企业服务专员\",\"authorName\":\"企业代表\"}");
        String elsewhere = opinion("hp-staff", "/committees/440112/activities/" + loose, "{\"text\":\"设立企业服务专员\",\"authorName\":\"企业代表\"}");
        as("hp-staff").body("{\"into\":\"" + a + "\"}").post("/committees/440112/opinions/" + elsewhere + "/merge").then().statusCode(400);
        as("hp-staff").body("{\"into\":\"" + a + "\"}").post("/committees/440112/opinions/" + onVisit + "/merge").then().statusCode(200)
                .body("status", equalTo("MERGED")).body("mergedInto", equalTo(a));

        // merged, adopted, transformed, answered — each only in its order
        as("hp-staff").body("{\"into\":\"" + a + "\"}").post("/committees/440112/opinions/" + b + "/merge").then().statusCode(200)
                .body("status", equalTo("MERGED"));
        as("hp-staff").body("{\"into\":\"" + a + "\"}").post("/committees/440112/opinions/" + b + "/merge").then().statusCode(409);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String transform = "{\"department\":\"区发展和改革局\",\"result\":\"出台企业服务专员工作办法\",\"on\":\"" + today + "\"}";
        as("hp-staff").body(transform).post("/committees/440112/opinions/" + a + "/transform").then().statusCode(409);
        as("hp-member").body("{\"adoptedBy\":\"区政府\"}").post("/committees/440112/opinions/" + a + "/adopt").then().statusCode(403);
        as("hp-staff").body("{\"adoptedBy\":\"区政府\"}").post("/committees/440112/opinions/" + a + "/adopt").then().statusCode(200)
                .body("status", equalTo("ADOPTED"));
        as("hp-staff").body(transform.replace(today, LocalDate.parse(today).plusDays(5).toString()))
                .post("/committees/440112/opinions/" + a + "/transform").then().statusCode(400);
        as("hp-staff").body(transform).post("/committees/440112/opinions/" + a + "/transform").then().statusCode(200)
                .body("status", equalTo("TRANSFORMED")).body("department", equalTo("区发展和改革局"));
        as("hp-staff").body("{\"feedback\":\"您的意见已转化为区政府文件\"}").post("/committees/440112/opinions/" + a + "/feedback").then().statusCode(200);
        as("gz-staff").body("{\"adoptedBy\":\"x\"}").post("/committees/440112/opinions/" + c + "/adopt").then().statusCode(403);
        as("gz-staff").body("{\"adoptedBy\":\"x\"}").post("/committees/440100/opinions/" + c + "/adopt").then().statusCode(403);
        assertEquals("RAISED", as("hp-staff").get(base + "/opinions").then().extract().jsonPath().getString("find { it.id == '" + c + "' }.status"));
        assertEquals(member1, event(activityId, "OpinionAdopted", Map.of("opinionId", a)).path("authorUserId").asText());
        assertEquals("出台企业服务专员工作办法", event(activityId, "OpinionTransformed", Map.of("opinionId", a)).path("result").asText());
        assertEquals(member1, event(activityId, "OpinionFeedback", Map.of("opinionId", a)).path("authorUserId").asText());

        // the report carries opinions of the topic (not merged ones); a leader's 批示, once
        String topicBase = "/committees/440112/topics/" + topicId + "/reports";
        String report = "{\"kind\":\"COMPREHENSIVE\",\"title\":\"关于优化营商环境的协商报告\",\"body\":\"……\",\"submittedTo\":\"区委书记、区长\","
                + "\"opinionIds\":[%s]}";
        as("hp-staff").body(report.formatted("\"" + b + "\"")).post(topicBase).then().statusCode(400);
        as("hp-staff").body(report.formatted("\"" + UUID.randomUUID() + "\"")).post(topicBase).then().statusCode(400);
        String reportId = as("hp-staff").body(report.formatted("\"" + a + "\",\"" + c + "\"")).post(topicBase).then().statusCode(200)
                .extract().path("id");
        String instruction = "{\"instructedBy\":\"区委书记\",\"instruction\":\"请区发改局牵头抓好落实\"}";
        as("hp-member").body(instruction).post("/committees/440112/reports/" + reportId + "/instruction").then().statusCode(403);
        as("hp-leader").body(instruction).post("/committees/440112/reports/" + reportId + "/instruction").then().statusCode(200)
                .body("instructedBy", equalTo("区委书记"));
        as("hp-leader").body(instruction).post("/committees/440112/reports/" + reportId + "/instruction").then().statusCode(409);
        assertEquals("请区发改局牵头抓好落实", event(reportId, "ReportInstructed", Map.of()).path("instruction").asText());

        // the plan's figures: raised 4 (the merged duplicates and the activity of no topic not counted), adopted 1, transformed 1,
        // answered 1; the topic's two activities; read from above
        JsonPath f = as("hp-staff").get("/committees/440112/consultation-plans/" + planId + "/statistics").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(Map.of("raised", 4, "adopted", 1, "transformed", 1, "answered", 1), f.getMap("opinions"));
        assertEquals(List.of(2, 1, 1), List.of(f.getInt("topics[0].activities"), f.getInt("topics[0].reports"), f.getInt("topics[0].instructed")));
        as("gz-staff").get("/committees/440112/consultation-plans/" + planId + "/statistics").then().statusCode(200);
        as("sz-staff").get("/committees/440112/consultation-plans/" + planId + "/statistics").then().statusCode(403);
    }

    private static JsonPath participant(String base, String username) {
        return new JsonPath(as("hp-staff").get(base + "/participants").then().statusCode(200).extract().asString())
                .setRootPath("find { it.username == '" + username + "' }");
    }

    private static String opinion(String user, String base, String body) {
        return as(user).body(body).post(base + "/opinions").then().statusCode(200).extract().path("id");
    }
}
