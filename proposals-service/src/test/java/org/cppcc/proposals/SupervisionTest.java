package org.cppcc.proposals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.Tokens;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.cppcc.proposals.ProposalsTestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 督办 and the office's other daily tools: key proposals supervised by a leader or special committee of the
 * registry, the leader's list and 督办 actions, escalation carried to notification-service, 延期 asked and decided,
 * 建议案, letters (转来信) followed to their answer, and subject tags searched and counted.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class SupervisionTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void setUp() {
        ProposalsTestSupport.supervisorsAnnounced();
    }

    private static String unit(String name, String officer) {
        return as("hp-staff").body("{\"name\":\"" + name + "\",\"officers\":[\"" + officer + "\"]}").post("/committees/440112/handling-units")
                .then().statusCode(201).extract().path("id");
    }

    private static String submitted(String title, String extra) {
        return as("hp-member").body("{\"title\":\"" + title + "\",\"body\":\"建议完善黄埔区社区养老服务设施。\",\"publishConsent\":true" + extra + "}")
                .post("/committees/440112/proposals").then().statusCode(201).extract().path("id");
    }

    private static String registered(String title) {
        String id = submitted(title, "");
        as("hp-staff").post("/committees/440112/proposals/" + id + "/register").then().statusCode(200);
        return id;
    }

    private static JsonNode event(String subject, String type) {
        return TopicReader.await("proposals.events", e -> subject.equals(e.path("subject").asText())
                && ("org.cppcc.proposals." + type + ".v1").equals(e.path("type").asText()), 1, Duration.ofSeconds(30)).get(0);
    }

    @Test
    void aKeyProposalIsSupervisedByALeaderOfTheRegistryWhoFollowsAndActsOnIt() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String unit = unit("督办局" + s, "hp-unit");
        String key = registered("督办测试" + s);
        String plain = registered("普通提案" + s);

        // the registry's supervisors, as members-service announced them; nothing else is taken
        List<String> refs = as("hp-staff").get("/committees/440112/supervisors").then().statusCode(200).extract().jsonPath().getList("ref");
        assertEquals(List.of("hp-leader", "提案委员会", "经济科技委员会"), refs);
        as("hp-member").get("/committees/440112/supervisors").then().statusCode(403);
        as("hp-staff").body("{\"supervisingLeader\":\"区政协主席\"}").post("/committees/440112/proposals/" + key + "/key").then().statusCode(400)
                .contentType("application/problem+json");
        as("hp-staff").body("{\"leader\":\"hp-staff\"}").post("/committees/440112/proposals/" + key + "/key").then().statusCode(400);
        as("hp-staff").body("{\"leader\":\"hp-leader\",\"specialCommittee\":\"提案委员会\"}").post("/committees/440112/proposals/" + key + "/key")
                .then().statusCode(400);
        as("hp-staff").body("{\"specialCommittee\":\"不存在的委员会\"}").post("/committees/440112/proposals/" + key + "/key").then().statusCode(400);
        assertFalse(as("hp-staff").get("/committees/440112/proposals/" + key).then().extract().<Boolean>path("keyProposal"), "nothing changed");

        as("hp-staff").body("{\"leader\":\"hp-leader\"}").post("/committees/440112/proposals/" + key + "/key").then().statusCode(200)
                .body("keyProposal", equalTo(true)).body("supervisingLeader", equalTo("林国栋")).body("supervisorKind", equalTo("LEADER"));
        JsonNode marked = event(key, "ProposalMarkedKey").path("data");
        String leaderId = Tokens.subject(Tokens.of("hp-leader"));
        assertEquals(leaderId, marked.path("supervisorUserId").asText());
        assertEquals("林国栋", marked.path("supervisingLeader").asText());

        // the assignment carries whom an overdue item goes up to, on the committee's schedule
        as("hp-staff").body("{\"leads\":[\"" + unit + "\"]}").post("/committees/440112/proposals/" + key + "/assign").then().statusCode(200);
        JsonNode escalation = event(key, "ProposalAssigned").path("data").path("escalation");
        assertEquals(leaderId, escalation.path("leaderUserId").asText());
        assertTrue(escalation.path("unitAfterDays").asInt() <= escalation.path("officeAfterDays").asInt()
                && escalation.path("officeAfterDays").asInt() <= escalation.path("leaderAfterDays").asInt(), escalation.toString());

        // the leader's own list: the key proposal, its open assignment and deadline; a member may not read it
        JsonPath mine = as("hp-leader").get("/committees/440112/supervision/key-proposals").then().statusCode(200).extract().jsonPath();
        assertTrue(mine.getList("proposalId").contains(key));
        assertFalse(mine.getList("proposalId").contains(plain));
        Map<String, Object> item = mine.getMap("find { it.proposalId == '" + key + "' }");
        assertEquals("HANDLING", item.get("status"));
        assertEquals(TODAY.plusDays(90).toString(), item.get("nearestDeadline"));
        assertEquals(false, item.get("overdue"));
        as("hp-member").get("/committees/440112/supervision/key-proposals").then().statusCode(403);
        as("gz-staff").get("/committees/440112/supervision/key-proposals").then().statusCode(403);

        // 督办 actions: by the supervising leader (or the office); not by others, not on a proposal that is not key
        String visit = "{\"action\":\"VISIT\",\"note\":\"到科技局实地督办，要求月底前拿出方案\"}";
        as("hp-leader").body(visit).post("/committees/440112/proposals/" + key + "/supervision-actions").then().statusCode(200)
                .body("byName", equalTo("林国栋"));
        as("hp-member").body(visit).post("/committees/440112/proposals/" + key + "/supervision-actions").then().statusCode(403);
        as("hp-unit").body(visit).post("/committees/440112/proposals/" + key + "/supervision-actions").then().statusCode(403);
        as("hp-staff").body(visit).post("/committees/440112/proposals/" + plain + "/supervision-actions").then().statusCode(409);
        as("hp-leader").body("{\"action\":\"PARTY\",\"note\":\"x\"}").post("/committees/440112/proposals/" + key + "/supervision-actions")
                .then().statusCode(400);
        as("hp-leader").body("{\"action\":\"MEETING\",\"note\":\"x\",\"happenedOn\":\"" + TODAY.plusDays(2) + "\"}")
                .post("/committees/440112/proposals/" + key + "/supervision-actions").then().statusCode(400);
        as("hp-staff").body("{\"action\":\"INSTRUCTION\",\"note\":\"主席批示：抓紧办理\"}")
                .post("/committees/440112/proposals/" + key + "/supervision-actions").then().statusCode(200);
        JsonNode supervised = event(key, "ProposalSupervised").path("data");
        assertEquals(List.of(unit), List.of(supervised.path("unitIds").get(0).asText()), "the units handling it hear of it");
        // the record, for whoever reads the proposal (the unit too), and the action counted
        assertEquals(List.of("VISIT", "INSTRUCTION"), as("hp-unit").get("/committees/440112/proposals/" + key + "/supervision-actions")
                .then().statusCode(200).extract().jsonPath().getList("action"));
        as("hp-member2").get("/committees/440112/proposals/" + key + "/supervision-actions").then().statusCode(404);
        assertEquals(2, ((Number) as("hp-leader").get("/committees/440112/supervision/key-proposals").then().extract().jsonPath()
                .getMap("find { it.proposalId == '" + key + "' }").get("actions")).intValue());

        // a special committee supervises too; the office records for it
        as("hp-staff").body("{\"specialCommittee\":\"提案委员会\"}").post("/committees/440112/proposals/" + plain + "/key").then().statusCode(200)
                .body("supervisorKind", equalTo("SPECIAL_COMMITTEE")).body("supervisingLeader", equalTo("提案委员会"));
        as("hp-leader").body(visit).post("/committees/440112/proposals/" + plain + "/supervision-actions").then().statusCode(403);
        assertFalse(as("hp-leader").get("/committees/440112/supervision/key-proposals").then().extract().jsonPath().getList("proposalId")
                .contains(plain), "not the leader's");
        assertTrue(as("hp-staff").get("/committees/440112/supervision/key-proposals").then().extract().jsonPath().getList("proposalId")
                .containsAll(List.of(key, plain)), "the office sees all");
    }

    @Test
    void escalationSettingsGoUpInOrder() {
        JsonPath current = as("hp-staff").get("/committees/440112/proposal-settings").then().statusCode(200).extract().jsonPath();
        Map<String, Object> body = new java.util.HashMap<>(Map.of("term", current.getInt("term"), "session", current.getInt("session"),
                "deadlineDays", current.getInt("deadlineDays"), "returnWindowDays", current.getInt("returnWindowDays")));
        body.put("escalation", Map.of("unitAfterDays", 5, "officeAfterDays", 2, "leaderAfterDays", 9));
        as("hp-staff").body(body).put("/committees/440112/proposal-settings").then().statusCode(400).contentType("application/problem+json");
        assertEquals(current.getMap("escalation"), as("hp-staff").get("/committees/440112/proposal-settings").then().extract().jsonPath()
                .getMap("escalation"), "nothing changed");
    }

    @Test
    void aUnitAsksForAnExtensionAndTheOfficeDecides() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String unit = unit("延期局" + s, "hp-unit");
        String id = registered("延期测试" + s);
        LocalDate deadline = TODAY.plusDays(20);
        as("hp-staff").body("{\"leads\":[\"" + unit + "\"],\"deadline\":\"" + deadline + "\"}").post("/committees/440112/proposals/" + id + "/assign")
                .then().statusCode(200);
        String ask = "{\"until\":\"" + deadline.plusDays(30) + "\",\"reason\":\"需会同多个部门现场调研\"}";

        // only a unit holding it (another unit does not even see it); only later; one request waiting at a time
        as("hp-unit2").body(ask).post("/committees/440112/proposals/" + id + "/extensions").then().statusCode(404);
        as("hp-member").body(ask).post("/committees/440112/proposals/" + id + "/extensions").then().statusCode(403);
        as("hp-unit").body("{\"until\":\"" + deadline.minusDays(1) + "\",\"reason\":\"x\"}").post("/committees/440112/proposals/" + id + "/extensions")
                .then().statusCode(400);
        String ext = as("hp-unit").body(ask).post("/committees/440112/proposals/" + id + "/extensions").then().statusCode(200)
                .body("status", equalTo("REQUESTED")).body("currentDeadline", equalTo(deadline.toString())).extract().path("id");
        as("hp-unit").body(ask).post("/committees/440112/proposals/" + id + "/extensions").then().statusCode(409);
        assertTrue(as("hp-staff").get("/committees/440112/extensions").then().statusCode(200).extract().jsonPath().getList("id").contains(ext));
        assertEquals("需会同多个部门现场调研", event(id, "ExtensionRequested").path("data").path("reason").asText());

        // the office decides: not the unit; approved once
        as("hp-unit").body("{\"approve\":true}").post("/committees/440112/proposals/" + id + "/extensions/" + ext + "/decision").then().statusCode(403);
        as("gz-staff").body("{\"approve\":true}").post("/committees/440112/proposals/" + id + "/extensions/" + ext + "/decision").then().statusCode(403);
        as("hp-staff").body("{\"approve\":true,\"note\":\"同意延期\"}").post("/committees/440112/proposals/" + id + "/extensions/" + ext + "/decision")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("decidedBy", equalTo("hp-staff"));
        as("hp-staff").body("{\"approve\":false}").post("/committees/440112/proposals/" + id + "/extensions/" + ext + "/decision").then().statusCode(409);
        JsonNode decided = event(id, "ExtensionDecided").path("data");
        assertEquals(deadline.plusDays(30).toString(), decided.path("deadline").asText());
        assertTrue(decided.path("approved").asBoolean());
        // the assignment's deadline moved; the unit's figures count it as extended
        assertEquals(deadline.plusDays(30).toString(), as("hp-staff").get("/committees/440112/proposals/" + id + "/assignments").then()
                .statusCode(200).extract().jsonPath().getString("find { it.unitId == '" + unit + "' }.deadline"));
        JsonPath stats = as("hp-staff").get("/committees/440112/statistics").then().statusCode(200).extract().jsonPath();
        assertEquals(1, stats.getInt("units.find { it.unitId == '" + unit + "' }.extended"));
        assertTrue(stats.getInt("supervision.extensionsApproved") >= 1);
        // a second request after the decision, refused: the deadline stays
        String again = as("hp-unit").body("{\"until\":\"" + deadline.plusDays(60) + "\",\"reason\":\"再次申请\"}")
                .post("/committees/440112/proposals/" + id + "/extensions").then().statusCode(200).extract().path("id");
        as("hp-staff").body("{\"approve\":false,\"note\":\"时限已延长一次\"}").post("/committees/440112/proposals/" + id + "/extensions/" + again
                + "/decision").then().statusCode(200).body("status", equalTo("REFUSED"));
        assertEquals(deadline.plusDays(30).toString(), as("hp-unit").get("/committees/440112/proposals/" + id + "/assignments").then()
                .extract().jsonPath().getString("find { it.unitId == '" + unit + "' }.deadline"));
        assertEquals(List.of("APPROVED", "REFUSED"), as("hp-member").get("/committees/440112/proposals/" + id + "/extensions").then()
                .statusCode(200).extract().jsonPath().getList("status"));
    }

    @Test
    void aProposalTurnedIntoALetterIsForwardedAndAnswered() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String unit = unit("来信局" + s, "hp-unit");
        String id = submitted("转来信测试" + s, "");
        as("hp-staff").body("{\"reason\":\"属于具体事务，转有关部门研处\",\"convertTo\":\"LETTER\"}").post("/committees/440112/proposals/" + id
                + "/not-register").then().statusCode(200).body("convertedTo", equalTo("LETTER"));
        JsonPath board = as("hp-staff").get("/committees/440112/letters?status=OPEN").then().statusCode(200).extract().jsonPath();
        String letter = board.getString("find { it.proposalId == '" + id + "' }.id");
        assertEquals("转来信测试" + s, board.getString("find { it.id == '" + letter + "' }.title"));

        // the proposer follows it; nobody else of the committee, nor another committee
        as("hp-member").get("/committees/440112/letters/" + letter).then().statusCode(200).body("status", equalTo("OPEN"));
        as("hp-member2").get("/committees/440112/letters/" + letter).then().statusCode(404);
        as("hp-unit").get("/committees/440112/letters/" + letter).then().statusCode(404);
        as("gz-staff").get("/committees/440112/letters/" + letter).then().statusCode(403);
        as("gz-staff").get("/committees/440100/letters/" + letter).then().statusCode(404);

        as("hp-unit").body("{\"unitId\":\"" + unit + "\"}").post("/committees/440112/letters/" + letter + "/forward").then().statusCode(403);
        as("hp-staff").body("{\"unitId\":\"" + UUID.randomUUID() + "\"}").post("/committees/440112/letters/" + letter + "/forward").then().statusCode(400);
        as("hp-staff").body("{\"unitId\":\"" + unit + "\"}").post("/committees/440112/letters/" + letter + "/forward").then().statusCode(200)
                .body("status", equalTo("FORWARDED")).body("unitName", equalTo("来信局" + s));
        assertEquals(unit, event(id, "LetterForwarded").path("data").path("unitId").asText());

        // the department's officer answers; another unit's cannot
        as("hp-unit2").body("{\"answer\":\"已研处\"}").post("/committees/440112/letters/" + letter + "/answer").then().statusCode(404);
        assertTrue(as("hp-unit").get("/committees/440112/letters").then().statusCode(200).extract().jsonPath().getList("id").contains(letter));
        as("hp-unit").body("{\"answer\":\"已会同街道研究，年内完成改造\"}").post("/committees/440112/letters/" + letter + "/answer").then()
                .statusCode(200).body("status", equalTo("ANSWERED"));
        as("hp-member").get("/committees/440112/letters/" + letter).then().statusCode(200).body("answer", equalTo("已会同街道研究，年内完成改造"));
        as("hp-staff").body("{\"unitId\":\"" + unit + "\"}").post("/committees/440112/letters/" + letter + "/forward").then().statusCode(409);
    }

    @Test
    void theOfficeFilesARecommendationOfTheCommitteeAndMembersCannot() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"title\":\"关于推进黄埔区数字政府建设的建议案" + s + "\",\"body\":\"经常委会议审议通过。\",\"publishConsent\":true,\"kind\":\"RECOMMENDATION\"}";
        as("hp-member").body(body).post("/committees/440112/proposals").then().statusCode(403);
        String id = as("hp-staff").body(body).post("/committees/440112/proposals").then().statusCode(201).extract().path("id");
        as("hp-staff").get("/committees/440112/proposals/" + id).then().statusCode(200).body("kind", equalTo("RECOMMENDATION"))
                .body("onBehalfOf", equalTo("本会"));
        as("hp-staff").post("/committees/440112/proposals/" + id + "/register").then().statusCode(200);
    }

    @Test
    void subjectTagsAreGivenCorrectedSearchedAndCounted() {
        String s = UUID.randomUUID().toString().substring(0, 6);
        ProposalsTestSupport.inSessionOf440112(61, 3, () -> {
            String a = submitted("养老服务" + s, ",\"tags\":[\"养老\",\"社区治理\",\"养老\"]");
            String b = submitted("教育均衡" + s, ",\"tags\":[\"教育\"]");
            as("hp-member").body("{\"title\":\"标签过多\",\"body\":\"正文\",\"publishConsent\":true,\"tags\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\"]}")
                    .post("/committees/440112/proposals").then().statusCode(400);
            as("hp-staff").get("/committees/440112/proposals/" + a).then().body("tags", equalTo(List.of("养老", "社区治理")));
            // the office corrects b's tags; a member may not
            as("hp-member").body("[\"养老\"]").put("/committees/440112/proposals/" + b + "/tags").then().statusCode(403);
            as("hp-staff").body("[\"教育\",\"养老\"]").put("/committees/440112/proposals/" + b + "/tags").then().statusCode(200)
                    .body("tags", equalTo(List.of("教育", "养老")));
            as("hp-staff").post("/committees/440112/proposals/" + a + "/register").then().statusCode(200);

            // search by subject
            List<String> found = as("hp-staff").queryParam("q", s).queryParam("tag", "社区治理").get("/committees/440112/proposals/search")
                    .then().statusCode(200).extract().jsonPath().getList("items.id");
            assertEquals(List.of(a), found);
            // counted under each subject: 养老 2 filed 1 registered, 教育 1, 社区治理 1 registered
            JsonPath stats = as("hp-staff").queryParam("term", 61).queryParam("session", 3).get("/committees/440112/statistics").then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(2, stats.getInt("bySubject.find { it.subject == '养老' }.filed"));
            assertEquals(1, stats.getInt("bySubject.find { it.subject == '养老' }.registered"));
            assertEquals(1, stats.getInt("bySubject.find { it.subject == '教育' }.filed"));
            assertEquals(0, stats.getInt("bySubject.find { it.subject == '教育' }.registered"));
            assertEquals(1, stats.getInt("bySubject.find { it.subject == '社区治理' }.registered"));
            assertEquals(3, stats.getList("bySubject").size());
        });
    }

    @jakarta.inject.Inject
    org.cppcc.platform.testkit.TestClock clock;

    @org.junit.jupiter.api.AfterEach
    void realTime() {
        clock.reset();
    }

    /** 督办's deadline list: the overdue (longest first) and those due soon (nearest first), each bounded, with totals. */
    @Test
    void theDeadlineListShowsTheNearestOfEachBoundedWithTotals() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String unit = unit("期限局" + s, "hp-unit");
        String first = registered("期限一" + s);
        String second = registered("期限二" + s);
        java.time.Instant now = java.time.Instant.now();
        as("hp-staff").body("{\"leads\":[\"" + unit + "\"]}").post("/committees/440112/proposals/" + first + "/assign").then().statusCode(200);
        clock.set(now.plus(Duration.ofDays(1)));
        as("hp-staff").body("{\"leads\":[\"" + unit + "\"]}").post("/committees/440112/proposals/" + second + "/assign").then().statusCode(200);

        // both within the next 14 days: nearest first; one at a time with ?limit=1, the total still counts all
        clock.set(now.plus(Duration.ofDays(85)));
        JsonPath soon = as("hp-staff").get("/committees/440112/supervision?limit=500").then().statusCode(200).extract().jsonPath();
        List<String> dueSoon = soon.getList("dueSoon.proposalId");
        assertTrue(dueSoon.indexOf(first) >= 0 && dueSoon.indexOf(first) < dueSoon.indexOf(second), dueSoon.toString());
        assertEquals(dueSoon.size(), soon.getInt("dueSoonTotal"));
        JsonPath one = as("hp-staff").get("/committees/440112/supervision?limit=1").then().statusCode(200).extract().jsonPath();
        assertEquals(1, one.getList("dueSoon").size());
        assertEquals(soon.getInt("dueSoonTotal"), one.getInt("dueSoonTotal"));
        as("hp-staff").get("/committees/440112/supervision?limit=501").then().statusCode(400);

        // a day past the first deadline: it is overdue, the second (a day later) is still due
        clock.set(now.plus(Duration.ofDays(91)));
        JsonPath later = as("hp-leader").get("/committees/440112/supervision?limit=500").then().statusCode(200).extract().jsonPath();
        assertTrue(later.getList("overdue.proposalId").contains(first));
        assertFalse(later.getList("overdue.proposalId").contains(second));
        assertTrue(later.getList("dueSoon.proposalId").contains(second));
        assertTrue(later.getInt("overdueTotal") >= 1);
        as("hp-member").get("/committees/440112/supervision").then().statusCode(403);
    }
}
