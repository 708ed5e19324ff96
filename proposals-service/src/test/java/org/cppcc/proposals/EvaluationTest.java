package org.cppcc.proposals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.cppcc.proposals.ProposalsTestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 考评 on a session of its own (term 6, session 4 of 黄埔区): two units ranked by the committee's weights, scores
 * counted by hand; the weights must add up to 1; 优秀承办单位 selected from the committee's units only; 优秀提案
 * nominated once, awarded once (announced for the author's 履职) or not awarded.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class EvaluationTest {

    @BeforeEach
    void setUp() {
        ProposalsTestSupport.committeesAnnounced();
    }

    private static String assigned(String title, String unit) {
        String id = as("hp-member").body(Map.of("title", title, "body", "考评测试。", "publishConsent", true)).post("/committees/440112/proposals")
                .then().statusCode(201).extract().path("id");
        as("hp-staff").post("/committees/440112/proposals/" + id + "/register").then().statusCode(200);
        as("hp-staff").body("{\"leads\":[\"" + unit + "\"]}").post("/committees/440112/proposals/" + id + "/assign").then().statusCode(200);
        return id;
    }

    private static void replied(String id, String unitOfficer, String classification, String rating) {
        as(unitOfficer).body("{\"classification\":\"" + classification + "\",\"body\":\"答复\"}").post("/committees/440112/proposals/" + id + "/reply")
                .then().statusCode(200);
        as("hp-member").body("{\"replyRating\":\"" + rating + "\",\"contactRating\":\"SATISFIED\"}")
                .post("/committees/440112/proposals/" + id + "/feedback").then().statusCode(200);
    }

    @Test
    void unitsAreRankedByTheCommitteesWeightsAndExcellentProposalsAwardedOnce() {
        ProposalsTestSupport.inSessionOf440112(6, 4, () -> {
            String s = UUID.randomUUID().toString().substring(0, 8);
            String good = as("hp-staff").body("{\"name\":\"考评甲局" + s + "\",\"officers\":[\"hp-unit\"]}").post("/committees/440112/handling-units")
                    .then().statusCode(201).extract().path("id");
            String slow = as("hp-staff").body("{\"name\":\"考评乙局" + s + "\",\"officers\":[\"hp-unit2\"]}").post("/committees/440112/handling-units")
                    .then().statusCode(201).extract().path("id");
            String p1 = assigned("考评一", good);
            String p2 = assigned("考评二", slow);
            assigned("考评三", slow);
            replied(p1, "hp-unit", "A", "SATISFIED");
            replied(p2, "hp-unit2", "C", "UNSATISFIED");

            // by hand, default weights 0.3/0.3/0.3/0.1: 甲 all ones → 100; 乙 replied 1 of 2 on time, unsatisfied, C → 30
            as("hp-staff").body(Map.of("replyRate", 0.3, "onTimeRate", 0.3, "satisfaction", 0.3, "aShare", 0.1))
                    .put("/committees/440112/evaluation/weights").then().statusCode(200);
            JsonPath ranking = as("hp-staff").get("/committees/440112/evaluation/units?term=6&session=4").then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(good, slow), ranking.getList("units.unitId"));
            assertEquals(List.of(100.0f, 30.0f), ranking.getList("units.score"));
            assertEquals(List.of(1, 2), ranking.getList("units.rank"));
            // the committee's own weights: 0.5/0.2/0.2/0.1 → 乙 35; weights not adding up to 1 are refused and change nothing
            as("hp-staff").body(Map.of("replyRate", 0.5, "onTimeRate", 0.2, "satisfaction", 0.2, "aShare", 0.1))
                    .put("/committees/440112/evaluation/weights").then().statusCode(200);
            as("hp-staff").body(Map.of("replyRate", 0.5, "onTimeRate", 0.2, "satisfaction", 0.1, "aShare", 0.1))
                    .put("/committees/440112/evaluation/weights").then().statusCode(400).contentType("application/problem+json");
            assertEquals(35.0f, as("hp-staff").get("/committees/440112/evaluation/units?term=6&session=4").then().statusCode(200).extract()
                    .jsonPath().getFloat("units.find { it.unitId == '" + slow + "' }.score"));

            // 优秀承办单位: only the committee's units
            as("hp-staff").body(Map.of("unitIds", List.of(good, UUID.randomUUID().toString())))
                    .put("/committees/440112/evaluation/excellent-units?term=6&session=4").then().statusCode(400);
            JsonPath selected = as("hp-staff").body(Map.of("unitIds", List.of(good))).put("/committees/440112/evaluation/excellent-units?term=6&session=4")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(true, false), selected.getList("units.excellent"));
            // read from above, not by a sibling or a member
            as("gd-staff").get("/committees/440112/evaluation/units?term=6&session=4").then().statusCode(200);
            as("sz-staff").get("/committees/440112/evaluation/units").then().statusCode(403);
            as("hp-member").get("/committees/440112/evaluation/units").then().statusCode(403);

            // 优秀提案: nominated once, awarded once and announced; another nominated and not awarded
            as("hp-member").body("{\"reason\":\"自荐\"}").post("/committees/440112/evaluation/excellent-proposals/nominations/" + p1).then().statusCode(403);
            String n1 = as("hp-staff").body("{\"reason\":\"建议被采纳并落实\"}").post("/committees/440112/evaluation/excellent-proposals/nominations/" + p1)
                    .then().statusCode(200).extract().path("id");
            as("hp-staff").body("{\"reason\":\"重复\"}").post("/committees/440112/evaluation/excellent-proposals/nominations/" + p1).then().statusCode(409);
            String submitted = as("hp-member").body(Map.of("title", "未立案", "body", "x", "publishConsent", true)).post("/committees/440112/proposals")
                    .then().statusCode(201).extract().path("id");
            as("hp-staff").body("{\"reason\":\"未立案\"}").post("/committees/440112/evaluation/excellent-proposals/nominations/" + submitted)
                    .then().statusCode(409);
            assertEquals("AWARDED", as("hp-staff").post("/committees/440112/evaluation/excellent-proposals/" + n1 + "/award").then().statusCode(200)
                    .extract().path("status"));
            as("hp-staff").post("/committees/440112/evaluation/excellent-proposals/" + n1 + "/award").then().statusCode(409);
            String n2 = as("hp-staff").body("{\"reason\":\"办理协商充分\"}").post("/committees/440112/evaluation/excellent-proposals/nominations/" + p2)
                    .then().statusCode(200).extract().path("id");
            as("hp-staff").post("/committees/440112/evaluation/excellent-proposals/" + n2 + "/not-awarded").then().statusCode(200);
            assertEquals(Map.of(p1, "AWARDED", p2, "NOT_AWARDED"), Map.of(
                    p1, as("hp-staff").get("/committees/440112/evaluation/excellent-proposals?term=6&session=4").then().statusCode(200).extract()
                            .jsonPath().getString("find { it.proposalId == '" + p1 + "' }.status"),
                    p2, as("hp-staff").get("/committees/440112/evaluation/excellent-proposals?term=6&session=4").then().extract()
                            .jsonPath().getString("find { it.proposalId == '" + p2 + "' }.status")));
            List<JsonNode> announced = TopicReader.await("proposals.events", e -> p1.equals(e.path("subject").asText())
                    && e.path("type").asText().contains("ProposalMarkedExcellent"), 1, Duration.ofSeconds(30));
            assertEquals(1, announced.size());
            assertEquals(0, TopicReader.await("proposals.events", e -> p2.equals(e.path("subject").asText())
                    && e.path("type").asText().contains("ProposalMarkedExcellent"), 1, Duration.ofSeconds(2)).size());
        });
    }
}
