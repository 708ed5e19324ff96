package org.cppcc.proposals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.TestPlatform;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.cppcc.proposals.ProposalsTestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 订单式提案: a unit posts a clue, members take it (several may, once each), write proposals on it (only after
 * taking it), the unit sees who took it and what came of it, closes it; the session's figures per unit match a
 * hand count; a member of another committee can neither take nor read it; a clue rises upward like a proposal.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ClueTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void setUp() {
        ProposalsTestSupport.committeesAnnounced();
    }

    private static String unit(String name, String officer) {
        return as("hp-staff").body("{\"name\":\"" + name + "\",\"officers\":[\"" + officer + "\"]}").post("/committees/440112/handling-units")
                .then().statusCode(201).extract().path("id");
    }

    private static String clueBody(String unit, String title, LocalDate until) {
        return """
                {"unitId":"%s","title":"%s","description":"辖区内老旧小区加装电梯推进缓慢，希望委员调研。","researchNeeds":"资金分摊与协商机制",
                 "contactName":"李明","contactPhone":"020-82112233","openUntil":"%s"}""".formatted(unit, title, until);
    }

    private static long count(String sql, Object param) throws Exception {
        try (Connection c = TestPlatform.database(); var st = c.prepareStatement(sql)) {
            st.setObject(1, param);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> eventTypes(String clueId, int atLeast) {
        return TopicReader.await("proposals.events", e -> clueId.equals(e.path("subject").asText()), atLeast, Duration.ofSeconds(30))
                .stream().map(e -> e.path("type").asText().replace("org.cppcc.proposals.", "")).toList();
    }

    @Test
    void aUnitsClueIsTakenWrittenOnFollowedAndClosed() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String unit = unit("住建局" + s, "hp-unit");
        String other = unit("水务局" + s, "hp-unit2");

        // posted by the unit's officer; not for another unit, not by a member, not for a day gone by
        as("hp-unit").body(clueBody(other, "别的单位的线索", TODAY.plusDays(30))).post("/committees/440112/clues").then().statusCode(403);
        as("hp-member").body(clueBody(unit, "委员发布的线索", TODAY.plusDays(30))).post("/committees/440112/clues").then().statusCode(403);
        as("hp-unit").body(clueBody(unit, "过期的线索", TODAY.minusDays(1))).post("/committees/440112/clues").then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(0, count("select count(*) from clue where unit_id = ?", UUID.fromString(unit)), "refused posts change nothing");
        JsonPath posted = as("hp-unit").body(clueBody(unit, "老旧小区加装电梯", TODAY.plusDays(30))).post("/committees/440112/clues")
                .then().statusCode(201).extract().jsonPath();
        String clue = posted.getString("id");
        assertEquals("OPEN", posted.getString("status"));
        assertEquals("住建局" + s, posted.getString("unitName"));

        // taken by one member, twice (no change), then by a second one who first tried to write without taking it
        as("hp-member").post("/committees/440112/clues/" + clue + "/take").then().statusCode(200);
        JsonPath again = as("hp-member").post("/committees/440112/clues/" + clue + "/take").then().statusCode(200).extract().jsonPath();
        assertEquals(1, again.getInt("takers"));
        assertTrue(again.getBoolean("takenByMe"));
        assertNull(again.get("takenBy"), "a member does not read who else took it");
        String withoutTaking = "{\"title\":\"关于老旧小区加装电梯的提案\",\"body\":\"建议完善资金分摊机制。\",\"publishConsent\":true,\"clueId\":\"" + clue + "\"}";
        as("hp-member2").body(withoutTaking).post("/committees/440112/proposals").then().statusCode(409);
        assertEquals(0, count("select count(*) from proposal where clue_id = ?", UUID.fromString(clue)), "no proposal from the refused submission");
        as("hp-member2").post("/committees/440112/clues/" + clue + "/take").then().statusCode(200);

        // a member of another committee can neither take it (no role here) nor find it from their own committee
        as("gz-member").post("/committees/440112/clues/" + clue + "/take").then().statusCode(403);
        as("gz-member").post("/committees/440100/clues/" + clue + "/take").then().statusCode(404);
        as("gz-member").get("/committees/440100/clues/" + clue).then().statusCode(404);

        // proposals written on it: one submitted at once and registered, one drafted and then submitted
        String first = as("hp-member").body(withoutTaking).post("/committees/440112/proposals").then().statusCode(201).extract().path("id");
        as("hp-staff").post("/committees/440112/proposals/" + first + "/register").then().statusCode(200);
        String draft = as("hp-member2").body(withoutTaking.replace("\"publishConsent\":true", "\"publishConsent\":true,\"draft\":true"))
                .post("/committees/440112/proposals").then().statusCode(201).extract().path("id");
        as("hp-member2").post("/committees/440112/proposals/" + draft + "/submit").then().statusCode(200);

        // the unit sees who took it and what came of it; the other unit's officer does not
        JsonPath seen = as("hp-unit").get("/committees/440112/clues/" + clue).then().statusCode(200).extract().jsonPath();
        assertEquals(2, seen.getList("takenBy").size());
        assertEquals(List.of(first, draft), seen.getList("proposals.proposalId"));
        assertEquals(List.of("REGISTERED", "SUBMITTED"), seen.getList("proposals.status"));
        assertNull(as("hp-unit2").get("/committees/440112/clues/" + clue).then().statusCode(200).extract().path("takenBy"));

        // a second clue nobody takes; the session's figures for the unit, counted by hand
        as("hp-unit").body(clueBody(unit, "河涌治理", TODAY.plusDays(10))).post("/committees/440112/clues").then().statusCode(201);
        JsonPath stats = as("hp-staff").get("/committees/440112/clues/statistics?term=" + posted.getInt("term") + "&session="
                + posted.getInt("session")).then().statusCode(200).extract().jsonPath();
        Map<String, Object> mine = stats.getMap("byUnit.find { it.unitId == '" + unit + "' }");
        assertEquals(Map.of("unitId", unit, "unitName", "住建局" + s, "posted", 2, "taken", 1, "proposals", 2, "registered", 1), mine);
        assertTrue(stats.getLong("takers") >= 2, stats::prettify);
        as("hp-member").get("/committees/440112/clues/statistics").then().statusCode(403);

        // closed by its unit (not by another's); no longer taken; the board and each member's list follow
        as("hp-unit2").post("/committees/440112/clues/" + clue + "/close").then().statusCode(403);
        assertEquals("CLOSED", as("hp-unit").post("/committees/440112/clues/" + clue + "/close").then().statusCode(200).extract().path("status"));
        as("hp-member").post("/committees/440112/clues/" + clue + "/take").then().statusCode(409);
        as("hp-unit").post("/committees/440112/clues/" + clue + "/close").then().statusCode(409);
        assertFalse(as("hp-member").get("/committees/440112/clues?status=OPEN&limit=100").then().statusCode(200).extract().jsonPath()
                .getList("items.id").contains(clue));
        assertTrue(as("hp-member").get("/committees/440112/clues?status=CLOSED&unitId=" + unit).then().statusCode(200).extract().jsonPath()
                .getList("items.id").contains(clue));
        assertEquals(List.of(clue), as("hp-member2").get("/committees/440112/clues?mine=true&unitId=" + unit).then().statusCode(200)
                .extract().jsonPath().getList("items.id"));

        // each step announced once: posted, two takes, two proposals, closed
        List<String> types = eventTypes(clue, 6);
        assertEquals(List.of("CluePosted.v1", "ClueTaken.v1", "ClueTaken.v1", "ClueProposalSubmitted.v1", "ClueProposalSubmitted.v1",
                "ClueClosed.v1"), types);
        JsonNode closed = TopicReader.await("proposals.events", e -> clue.equals(e.path("subject").asText())
                && e.path("type").asText().contains("ClueClosed"), 1, Duration.ofSeconds(10)).get(0);
        assertEquals(2, closed.at("/data/takerUserIds").size());
    }

    @Test
    void aClueIsRecommendedUpwardInItsUnitsName() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String unit = unit("交通局" + s, "hp-unit");
        String clue = as("hp-unit").body(clueBody(unit, "跨区公交线路统筹" + s, TODAY.plusDays(20))).post("/committees/440112/clues")
                .then().statusCode(201).extract().path("id");
        String hop = as("hp-staff").body("{\"kind\":\"CLUE\",\"sourceId\":\"" + clue + "\",\"note\":\"需市级统筹\"}")
                .post("/committees/440112/cultivation/recommendations").then().statusCode(201).extract().path("id");
        JsonPath queued = as("gz-staff").get("/committees/440100/cultivation/items/" + hop).then().statusCode(200).extract().jsonPath();
        assertEquals("CLUE", queued.getString("hops[0].kind"));
        assertEquals("交通局" + s, queued.getString("hops[0].authorName"));
        assertEquals("跨区公交线路统筹" + s, queued.getString("hops[0].title"));
        // a clue id of another committee is not found
        as("gz-staff").body("{\"kind\":\"CLUE\",\"sourceId\":\"" + clue + "\"}").post("/committees/440100/cultivation/recommendations")
                .then().statusCode(404);
    }
}
