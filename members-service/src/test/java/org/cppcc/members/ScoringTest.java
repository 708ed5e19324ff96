package org.cppcc.members;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.Tokens;
import org.cppcc.platform.testkit.TopicReader;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.cppcc.members.MembersTestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Events from proposals and consultation become 履职 entries once, and scores follow the committee's rules. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ScoringTest {

    @BeforeEach
    void committees() {
        MembersTestSupport.demoCommittees();
    }

    static String event(String topicType, String committee, String subject, String time, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/cppcc/test","type":"%s","subject":"%s","time":"%s",
                 "datacontenttype":"application/json","committee":"%s","data":%s}"""
                .formatted(UUID.randomUUID(), topicType, subject, time, committee, data);
    }

    /** Publishes an event twice (a redelivery): it must count once. */
    static void twice(String topic, String key, String event) {
        TopicReader.publish(topic, key, event);
        TopicReader.publish(topic, key, event);
    }

    private static String participation(String user, String form, String participation, String time) {
        String activity = UUID.randomUUID().toString();
        twice("consultations.events", activity, event("org.cppcc.consultations.ParticipationRecorded.v1", "110115", activity, time, """
                {"activityId":"%s","title":"大兴区政协全体会议","form":"%s","userId":"%s","participation":"%s","occurredAt":"%s"}"""
                .formatted(activity, form, user, participation, time)));
        return activity;
    }

    private static io.restassured.path.json.JsonPath record(String as, String memberId, int year) {
        return as(as).get("/committees/110115/members/" + memberId + "/performance?year=" + year + "&limit=100").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void eventsBecomeEntriesOnceAndScoresFollowTheCommitteesRules() throws Exception {
        String id = MembersTestSupport.membership("dx-member", "110115", "刘洋", "科技界", true);
        String user = Tokens.subject(Tokens.of("dx-member"));
        for (int i = 0; i < 2; i++) {
            String p = UUID.randomUUID().toString();
            twice("proposals.events", p, event("org.cppcc.proposals.ProposalSubmitted.v1", "110115", p, "2025-03-0" + (i + 1) + "T02:00:00Z", """
                    {"proposalId":"%s","title":"关于城市更新的提案%d","kind":"INDIVIDUAL","authorUserId":"%s","authorName":"刘洋",
                     "submittedAt":"2025-03-0%dT02:00:00Z"}""".formatted(p, i, user, i + 1)));
        }
        String report = UUID.randomUUID().toString();
        twice("proposals.events", report, event("org.cppcc.proposals.OpinionReportSubmitted.v1", "110115", report, "2025-04-01T02:00:00Z",
                "{\"reportId\":\"%s\",\"title\":\"群众反映停车难\",\"authorUserId\":\"%s\"}".formatted(report, user)));
        participation(user, "PLENARY", "ATTENDED", "2025-01-10T01:00:00Z");
        participation(user, "STANDING_COMMITTEE", "ABSENT_WITHOUT_LEAVE", "2025-05-10T01:00:00Z");
        // a meeting recorded as attended, then corrected to absent with leave: only the corrected entry stands
        String corrected = participation(user, "PLENARY", "ATTENDED", "2025-08-10T01:00:00Z");
        participation(user, "TOPICAL", "SPOKE", "2025-06-10T01:00:00Z");
        participation(user, "RESEARCH", "ATTENDED", "2025-09-10T01:00:00Z");
        // an opinion given in a consultation, adopted and then turned into policy (成果转化)
        String activity = UUID.randomUUID().toString();
        String opinion = UUID.randomUUID().toString();
        twice("consultations.events", activity, event("org.cppcc.consultations.OpinionAdopted.v1", "110115", activity, "2025-07-01T02:00:00Z", """
                {"opinionId":"%s","activityId":"%s","activityTitle":"双月协商座谈会","authorUserId":"%s","text":"建议……","adoptedBy":"区政府"}"""
                .formatted(opinion, activity, user)));
        twice("consultations.events", activity, event("org.cppcc.consultations.OpinionTransformed.v1", "110115", activity, "2025-08-01T02:00:00Z", """
                {"opinionId":"%s","activityId":"%s","activityTitle":"双月协商座谈会","authorUserId":"%s","text":"建议……",
                 "department":"区发改局","result":"出台办法","on":"2025-08-01"}""".formatted(opinion, activity, user)));

        await().atMost(Duration.ofSeconds(30)).until(() -> record("dx-member", id, 2025).getList("entries.items").size() >= 10);
        twice("consultations.events", corrected, event("org.cppcc.consultations.ParticipationCorrected.v1", "110115", corrected,
                "2025-08-11T01:00:00Z", """
                        {"activityId":"%s","title":"大兴区政协全体会议","form":"PLENARY","userId":"%s","from":"ATTENDED","to":"ABSENT_WITH_LEAVE",
                         "reason":"当日请假，签到表误记","occurredAt":"2025-08-10T01:00:00Z"}""".formatted(corrected, user)));
        await().atMost(Duration.ofSeconds(30)).until(() -> record("dx-member", id, 2025).getList("entries.items.kind")
                .contains("MEETING_ABSENT_WITH_LEAVE"));
        // every copy has been consumed: the duplicates had their chance (a condition, not a clock)
        TopicReader.awaitConsumed("members-service", Duration.ofSeconds(60), "proposals.events", "consultations.events");
        var r = record("dx-member", id, 2025);
        assertEquals(List.of("CONSULTATION_OPINION_ADOPTED", "CONSULTATION_OPINION_TRANSFORMED", "CONSULTATION_SPOKE",
                        "MEETING_ABSENT_WITHOUT_LEAVE", "MEETING_ABSENT_WITH_LEAVE", "MEETING_ATTENDED", "OPINION_SUBMITTED", "PROPOSAL_SUBMITTED", "PROPOSAL_SUBMITTED",
                        "RESEARCH_JOINED"),
                r.getList("entries.items.kind", String.class).stream().sorted().toList());
        // default rules: meetings 2 - 5, proposals 3 × 2, opinions 2, spoke 4, research 3, consultation opinion adopted 3 and transformed 5
        assertEquals(20.0, r.getDouble("score.score.total"), 0.001);
        assertEquals("FAIL", r.getString("score.score.grade"));
        assertEquals(false, r.getBoolean("score.score.homeworkDone"));
        assertEquals(List.of(2, 1, 0), r.getList("score.score.homework.done", Integer.class));

        // the committee adopts its own regulation: every score is recomputed under it
        as("admin").body("""
                {"aspects":[{"name":"提案工作","items":[{"kind":"PROPOSAL_SUBMITTED","points":20}],"cap":30},
                            {"name":"会议出勤","items":[{"kind":"MEETING_ATTENDED","points":5},{"kind":"MEETING_ABSENT_WITHOUT_LEAVE","points":-10}]}],
                 "grades":{"excellent":25,"good":20,"pass":10},"homework":[{"kind":"PROPOSAL_SUBMITTED","count":2}],"inactiveDays":90}""")
                .put("/committees/110115/performance/rules").then().statusCode(200);
        r = record("dx-member", id, 2025);
        assertEquals(25.0, r.getDouble("score.score.total"), 0.001); // proposals 40 capped at 30, meetings 5 - 10
        assertEquals("EXCELLENT", r.getString("score.score.grade"));
        assertTrue(r.getBoolean("score.score.homeworkDone"));
        as("dx-member").get("/committees/110115/performance/rules").then().statusCode(200).body("inactiveDays", equalTo(90));

        // rankings, 双通报 and the annual report (述职) follow the same numbers
        assertEquals(25.0, as("admin").get("/committees/110115/performance/rankings?year=2025").then().statusCode(200).extract()
                .jsonPath().getDouble("find { it.memberId == '" + id + "' }.total"), 0.001);
        as("admin").get("/committees/110115/performance/attendance?year=2025&half=1").then().statusCode(200)
                .body("members.find { it.memberId == '" + id + "' }.attended", equalTo(1))
                .body("members.find { it.memberId == '" + id + "' }.absentWithoutLeave", equalTo(1))
                .body("members.find { it.memberId == '" + id + "' }.attendanceRate", equalTo(50.0f));
        byte[] xlsx = as("dx-member").get("/committees/110115/members/" + id + "/performance/report.xlsx?year=2025").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").extract().asByteArray();
        String text;
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            text = wb.getFirstSheet().read().stream().map(Row::toString).collect(Collectors.joining("\n"));
        }
        assertTrue(text.contains("刘洋") && text.contains("优秀") && text.contains("关于城市更新的提案0"), text);
    }

    @Test
    void badRulesAreRejectedAndChangeNothing() {
        String before = as("admin").get("/committees/440300/performance/rules").then().statusCode(200).extract().asString();
        as("admin").body("""
                {"aspects":[{"name":"a","items":[{"kind":"PROPOSAL_SUBMITTED","points":2},{"kind":"PROPOSAL_SUBMITTED","points":3}]}],
                 "grades":{"excellent":80,"good":60,"pass":30},"homework":[],"inactiveDays":90}""")
                .put("/committees/440300/performance/rules").then().statusCode(400).contentType("application/problem+json");
        as("admin").body("""
                {"aspects":[{"name":"a","items":[{"kind":"NO_SUCH_THING","points":2}]}],
                 "grades":{"excellent":80,"good":60,"pass":30},"homework":[],"inactiveDays":90}""")
                .put("/committees/440300/performance/rules").then().statusCode(400);
        as("admin").body("""
                {"aspects":[{"name":"a","items":[{"kind":"PROPOSAL_SUBMITTED","points":2}]}],
                 "grades":{"excellent":10,"good":60,"pass":30},"homework":[],"inactiveDays":90}""")
                .put("/committees/440300/performance/rules").then().statusCode(400);
        as("hp-staff").body(before).put("/committees/440112/performance/rules").then().statusCode(403);
        assertEquals(before, as("admin").get("/committees/440300/performance/rules").then().extract().asString());
    }

    @Test
    void aMemberReadsOnlyTheirOwnRecordWhileTheCommitteesStaffReadEveryones() {
        String mine = MembersTestSupport.membership("hp-member", "440112", "张伟", "经济界", false);
        MembersTestSupport.membership("hp-member2", "440112", "王芳", "经济界", false);
        as("hp-member").get("/committees/440112/members/" + mine + "/performance").then().statusCode(200);
        as("hp-member2").get("/committees/440112/members/" + mine + "/performance").then().statusCode(403)
                .contentType("application/problem+json");
        as("hp-member2").get("/committees/440112/members/" + mine + "/performance/report.xlsx").then().statusCode(403);
        as("hp-staff").get("/committees/440112/members/" + mine + "/performance").then().statusCode(200);
        as("gz-staff").get("/committees/440112/members/" + mine + "/performance").then().statusCode(403);
        // another committee's id under one's own committee: not found
        as("gz-staff").get("/committees/440100/members/" + mine + "/performance").then().statusCode(404);
        as("hp-member").get("/committees/440112/performance/rankings").then().statusCode(403);
    }

    @Test
    void aSelfRecordCountsOnceStaffConfirmIt() {
        MembersTestSupport.membership("hp-member", "440112", "张伟", "经济界", false);
        String record = as("hp-member").body("{\"kind\":\"PRACTICAL_THING_DONE\",\"title\":\"帮助社区加装电梯\",\"occurredOn\":\"2026-10-08\"}")
                .post("/committees/440112/performance/records").then().statusCode(201).body("status", equalTo("PENDING"))
                .extract().path("id");
        as("hp-member").body("{\"kind\":\"PROPOSAL_SUBMITTED\",\"title\":\"冒充\",\"occurredOn\":\"2026-10-08\"}")
                .post("/committees/440112/performance/records").then().statusCode(400);
        as("hp-member").get("/me/performance?limit=100").then().body("entries.items.evidenceId", org.hamcrest.Matchers.not(hasItem(record)));
        as("hp-member").post("/committees/440112/performance/records/" + record + "/confirm").then().statusCode(403);
        as("admin").post("/committees/440112/performance/records/" + record + "/confirm").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        as("admin").post("/committees/440112/performance/records/" + record + "/confirm").then().statusCode(200);
        List<String> evidence = as("hp-member").get("/me/performance?limit=100").then().extract().jsonPath().getList("entries.items.evidenceId");
        assertEquals(1, evidence.stream().filter(record::equals).count());
        as("admin").body("{\"note\":\"no\"}").post("/committees/440112/performance/records/" + record + "/reject").then().statusCode(409);
        // another committee's id under one's own committee: not found, and nothing changes
        String other = as("hp-member").body("{\"kind\":\"LEARNING\",\"title\":\"读书会\",\"occurredOn\":\"2026-10-09\"}")
                .post("/committees/440112/performance/records").then().statusCode(201).extract().path("id");
        as("admin").post("/committees/440100/performance/records/" + other + "/confirm").then().statusCode(404);
        as("hp-admin").post("/committees/440100/performance/records/" + other + "/confirm").then().statusCode(403);
        as("hp-admin").post("/committees/440112/performance/records/" + other + "/confirm").then().statusCode(200);

        // a visit at a workstation is the member's record of constituents contacted, waiting for staff
        String station = as("admin").body("{\"name\":\"黄埔街委员工作站-" + UUID.randomUUID().toString().substring(0, 6) + "\",\"address\":\"黄埔东路\"}")
                .post("/committees/440112/workstations").then().statusCode(201).extract().path("id");
        as("hp-member").body("{\"visitedOn\":\"2026-11-01\",\"visitors\":12,\"summary\":\"接待群众反映加装电梯问题\",\"cases\":3}")
                .post("/committees/440112/workstations/" + station + "/visits").then().statusCode(201)
                .body("recordStatus", equalTo("PENDING"));
        as("admin").get("/committees/440112/performance/records?status=PENDING").then().statusCode(200)
                .body("items.kind", hasItem("CONSTITUENTS_CONTACTED"));
        as("dx-member").get("/committees/440112/workstations").then().statusCode(403);
        MembersTestSupport.membership("gz-member", "440100", "陈芳", "科技界", true);
        as("gz-member").body("{\"visitedOn\":\"2026-11-01\",\"visitors\":3,\"summary\":\"x\",\"cases\":0}")
                .post("/committees/440100/workstations/" + station + "/visits").then().statusCode(404); // 黄埔区's station, 广州市's path
    }
}
