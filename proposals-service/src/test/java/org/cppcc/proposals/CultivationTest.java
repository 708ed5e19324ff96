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
import java.util.List;
import java.util.UUID;

import static org.cppcc.proposals.ProposalsTestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 四级联动: a 黄埔区 proposal recommended up through 广州市 and 广东省 to the national committee, adopted at each
 * level, with its lineage read both ways and the figures of the committee where it began; a declined item; and
 * supervision from above — the reads it allows at every level above, and those it refuses.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CultivationTest {

    static boolean ready;

    /** The member roster of proposals-service learns a membership from members-service's event. */
    static void joined(String committee, String username, String name) {
        String userId = Tokens.subject(Tokens.of(username));
        TopicReader.publish("members.events", userId, """
                {"specversion":"1.0","id":"joined-%s-%s","source":"/cppcc/members-service","type":"org.cppcc.members.MemberJoined.v1",
                 "subject":"m-%s-%s","time":"2026-11-22T08:00:00Z","committee":"%s",
                 "data":{"memberId":"m-%s-%s","userId":"%s","username":"%s","name":"%s","sector":"经济界","email":null,"mobile":null}}"""
                .formatted(committee, userId, committee, userId, committee, committee, userId, userId, username, name));
    }

    @BeforeEach
    void setUp() {
        ProposalsTestSupport.committeesAnnounced();
        if (!ready) {
            joined("440112", "hp-member", "张伟");
            joined("440100", "gz-member", "陈芳");
            joined("440000", "gz-member", "陈芳");
            TopicReader.awaitConsumed("proposals-service", Duration.ofSeconds(60), "members.events");
            ready = true;
        }
    }

    static String registered(String committee, String member, String staff, String title) {
        String id = as(member).body("{\"title\":\"" + title + "\",\"body\":\"建议统筹推进区域科技创新走廊建设。\",\"publishConsent\":true}")
                .post("/committees/" + committee + "/proposals").then().statusCode(201).extract().path("id");
        as(staff).post("/committees/" + committee + "/proposals/" + id + "/register").then().statusCode(200);
        return id;
    }

    static JsonPath recommend(String committee, String staff, String kind, String sourceId, int status) {
        return as(staff).body("{\"kind\":\"" + kind + "\",\"sourceId\":\"" + sourceId + "\",\"note\":\"本级难以解决，建议上级统筹\"}")
                .post("/committees/" + committee + "/cultivation/recommendations").then().statusCode(status).extract().jsonPath();
    }

    static JsonPath decide(String committee, String staff, String hop, String decision, String body, int status) {
        return as(staff).body(body).post("/committees/" + committee + "/cultivation/items/" + hop + "/" + decision).then()
                .statusCode(status).extract().jsonPath();
    }

    @Test
    void aDistrictProposalTravelsToTheNationalCommitteeAndEveryLevelFollowsIt() {
        String p1 = registered("440112", "hp-member", "hp-staff", "关于黄埔区科创走廊建设的提案");
        JsonPath hop1 = recommend("440112", "hp-staff", "PROPOSAL", p1, 201);
        assertEquals("440100", hop1.getString("targetCommittee"));
        assertEquals("RECOMMENDED", hop1.getString("status"));
        String h1 = hop1.getString("id");
        recommend("440112", "hp-staff", "PROPOSAL", p1, 409); // once per level
        as("gz-staff").get("/committees/440100/cultivation/queue?status=RECOMMENDED&limit=100").then().statusCode(200)
                .body("items.id", hasItem(h1));
        decide("440112", "hp-staff", h1, "adopt", "{\"as\":\"MEMBER\"}", 404); // not 黄埔's to decide

        // 广州 adopts it; the author of 黄埔 is no member of 广州, so a member of 广州 carries it
        decide("440100", "gz-staff", h1, "adopt", "{\"as\":\"MEMBER\"}", 400);
        JsonPath adopted1 = decide("440100", "gz-staff", h1, "adopt", "{\"as\":\"MEMBER\",\"authorUsername\":\"gz-member\"}", 200);
        assertEquals("ADOPTED", adopted1.getString("status"));
        String p2 = adopted1.getString("adopted.proposalId");
        as("gz-member").get("/committees/440100/proposals/" + p2).then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("authorName", equalTo("陈芳"));
        decide("440100", "gz-staff", h1, "decline", "{\"reason\":\"重复\"}", 409); // decided once
        as("gz-staff").post("/committees/440100/proposals/" + p2 + "/register").then().statusCode(200);
        // 黄埔 follows what became of its item in 广州, without reading 广州's proposal itself
        as("hp-staff").get("/committees/440112/cultivation/items/" + h1).then().statusCode(200)
                .body("hops[0].adopted.status", equalTo("REGISTERED")).body("hops[0].adopted.number", notNullValue());
        as("hp-staff").get("/committees/440100/proposals/" + p2).then().statusCode(403);

        // on to 广东 (the 广州 author is a member there too: the default carrier) and to the national committee
        String h2 = recommend("440100", "gz-staff", "PROPOSAL", p2, 201).getString("id");
        String p3 = decide("440000", "gd-staff", h2, "adopt", "{\"as\":\"MEMBER\"}", 200).getString("adopted.proposalId");
        as("gd-staff").post("/committees/440000/proposals/" + p3 + "/register").then().statusCode(200);
        String h3 = recommend("440000", "gd-staff", "PROPOSAL", p3, 201).getString("id");
        String p4 = decide("100000", "qg-staff", h3, "adopt", "{\"as\":\"COLLECTIVE\",\"onBehalfOf\":\"民盟中央\"}", 200)
                .getString("adopted.proposalId");
        as("qg-staff").post("/committees/100000/proposals/" + p4 + "/register").then().statusCode(200);
        recommend("100000", "qg-staff", "PROPOSAL", p4, 400); // nothing above the national committee

        // lineage both ways: the national proposal shows where it came from, the district sees every level it reached
        JsonPath down = as("qg-staff").get("/committees/100000/proposals/" + p4 + "/lineage").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("440112", "440100", "440000"), down.getList("hops.committee"));
        assertEquals(List.of("440100", "440000", "100000"), down.getList("hops.targetCommittee"));
        assertEquals(List.of("ADOPTED", "ADOPTED", "ADOPTED"), down.getList("hops.status"));
        JsonPath up = as("hp-member").get("/committees/440112/proposals/" + p1 + "/lineage").then().statusCode(200).extract().jsonPath();
        assertEquals(down.getString("rootId"), up.getString("rootId"));
        assertEquals(List.of("REGISTERED", "REGISTERED", "REGISTERED"), up.getList("hops.adopted.status"));
        assertEquals("民盟中央", up.getString("hops[2].adopted.authorName"));

        // what 黄埔 cultivated for each level above
        JsonPath stats = as("hp-staff").get("/committees/440112/cultivation/statistics").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("440100", "440000", "100000"), stats.getList("cultivatedFor.committee"));
        for (int level = 0; level < 3; level++) {
            assertTrue(stats.getInt("cultivatedFor[" + level + "].adopted") >= 1, "adopted at level " + level + ": " + stats.prettify());
        }
        assertTrue(as("gz-staff").get("/committees/440100/cultivation/statistics").then().statusCode(200).extract().jsonPath()
                .getInt("received.adopted") >= 1);

        // each step is an event on the journey's key
        List<JsonNode> events = TopicReader.await("cultivation.events", e -> down.getString("rootId").equals(e.path("subject").asText()),
                6, Duration.ofSeconds(30));
        assertEquals(6, events.size(), "three recommended, three adopted: " + events);
    }

    @Test
    void aDeclinedItemCarriesItsReasonBackAndOnlyRegisteredWorkIsRecommended() {
        String p = registered("440112", "hp-member", "hp-staff", "关于黄埔区停车难的提案");
        String hop = recommend("440112", "hp-staff", "PROPOSAL", p, 201).getString("id");
        decide("440100", "gz-staff", hop, "decline", "{\"reason\":\"属区级事权，建议区内办理\"}", 200);
        decide("440100", "gz-staff", hop, "adopt", "{\"as\":\"MEMBER\",\"authorUsername\":\"gz-member\"}", 409);
        as("hp-staff").get("/committees/440112/cultivation/recommendations?status=DECLINED&limit=100").then().statusCode(200)
                .body("items.find { it.id == '" + hop + "' }.declineReason", equalTo("属区级事权，建议区内办理"));
        assertTrue(as("hp-staff").get("/committees/440112/cultivation/statistics").then().extract().jsonPath()
                .getInt("cultivatedFor[0].declined") >= 1);

        String submitted = as("hp-member").body("{\"title\":\"未立案的提案\",\"body\":\"正文\",\"publishConsent\":true}")
                .post("/committees/440112/proposals").then().statusCode(201).extract().path("id");
        recommend("440112", "hp-staff", "PROPOSAL", submitted, 409);
        recommend("440112", "hp-staff", "PROPOSAL", UUID.randomUUID().toString(), 404);
        recommend("440112", "hp-member", "PROPOSAL", p, 403);
    }

    @Test
    void anAdoptedOpinionReportIsCultivatedLikeAProposalAndAReportNotAdoptedIsNot() {
        String report = as("hp-member").body("{\"title\":\"群众反映老旧小区加装电梯难\",\"body\":\"建议市级统一政策。\"}")
                .post("/committees/440112/opinion-reports").then().statusCode(201).extract().path("id");
        String declined = as("hp-member").body("{\"title\":\"未采用的社情民意\",\"body\":\"正文\"}")
                .post("/committees/440112/opinion-reports").then().statusCode(201).extract().path("id");
        as("hp-staff").body("{\"adoptedBy\":\"区委办《每日要情》\"}").post("/committees/440112/opinion-reports/" + report + "/adopt")
                .then().statusCode(200);
        as("hp-staff").body("{\"reason\":\"信息不实\"}").post("/committees/440112/opinion-reports/" + declined + "/decline")
                .then().statusCode(200);
        recommend("440112", "hp-staff", "OPINION_REPORT", declined, 409);
        JsonPath hop = recommend("440112", "hp-staff", "OPINION_REPORT", report, 201);
        assertEquals("OPINION_REPORT", hop.getString("kind"));
        assertEquals("张伟", hop.getString("authorName"));
        String proposal = decide("440100", "gz-staff", hop.getString("id"), "adopt", "{\"as\":\"MEMBER\",\"authorUsername\":\"gz-member\"}", 200)
                .getString("adopted.proposalId");
        as("gz-member").get("/committees/440100/proposals/" + proposal).then().statusCode(200)
                .body("title", equalTo("群众反映老旧小区加装电梯难"));
        // the report's journey is read from the proposal it became
        as("gz-staff").get("/committees/440100/proposals/" + proposal + "/lineage").then().statusCode(200)
                .body("hops[0].kind", equalTo("OPINION_REPORT")).body("hops[0].sourceId", equalTo(report));
    }

    @Test
    void staffAboveReadSupervisionAndCultivationBelowAndNothingElse() {
        String p = registered("440112", "hp-member", "hp-staff", "关于监督可见范围的提案");
        // every level above reads 黄埔's supervision list and cultivation figures
        for (String above : List.of("gz-staff", "gd-staff", "qg-staff")) {
            as(above).get("/committees/440112/supervision").then().statusCode(200);
            as(above).get("/committees/440112/cultivation/statistics").then().statusCode(200);
            as(above).get("/committees/440112/cultivation/recommendations").then().statusCode(200);
        }
        as("qg-staff").get("/committees/110115/supervision").then().statusCode(200);
        // refused: a sibling, a committee below, another branch, members above, other endpoints, any change
        as("sz-staff").get("/committees/440100/supervision").then().statusCode(403).contentType("application/problem+json");
        as("sz-staff").get("/committees/440112/cultivation/statistics").then().statusCode(403);
        as("hp-staff").get("/committees/440100/supervision").then().statusCode(403);
        as("gd-staff").get("/committees/110115/supervision").then().statusCode(403);
        as("gz-member").get("/committees/440112/supervision").then().statusCode(403);
        as("gz-staff").get("/committees/440112/proposals").then().statusCode(403);
        as("gz-staff").get("/committees/440112/proposals/" + p).then().statusCode(403);
        as("gz-staff").get("/committees/440112/proposals/" + p + "/lineage").then().statusCode(403);
        as("gz-staff").body("{\"kind\":\"PROPOSAL\",\"sourceId\":\"" + p + "\"}").post("/committees/440112/cultivation/recommendations")
                .then().statusCode(403);
        as("gz-staff").get("/committees/440112/cultivation/queue").then().statusCode(200).body("items.id", not(hasItem(p)));
    }
}
