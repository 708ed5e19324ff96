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
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * 四级联动 from another deployment (ADR 0012): a recommendation that MirrorMaker 2 replicated here from a
 * province's deployment (topic gx.cultivation.events) joins the national committee's queue once, however often it
 * is delivered, named as the province named itself; adopting it sends the decision, and each step of the national
 * proposal its progress, back on cultivation.events for the province. (The province's side runs in the e2e test
 * CrossDeploymentFlowTest, with two brokers, two realms and MirrorMaker 2.)
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CultivationAcrossDeploymentsTest {

    private static final String REPLICATED = "gx.cultivation.events";

    @BeforeEach
    void setUp() {
        ProposalsTestSupport.committeesAnnounced();
    }

    private static String recommended(String hop, String root, String eventId) {
        return """
                {"specversion":"1.0","id":"%s","source":"/cppcc/proposals-service","type":"org.cppcc.proposals.CultivationRecommended.v1",
                 "subject":"%s","time":"2026-11-23T02:00:00Z","committee":"100000",
                 "data":{"hopId":"%s","rootId":"%s","fromCommittee":"450000","toCommittee":"100000","kind":"PROPOSAL",
                         "sourceId":"%s","title":"关于支持西部陆海新通道建设的提案","authorUserId":"gx-user-1","authorName":"韦明",
                         "note":"事关国家战略","fromName":"广西壮族自治区政协","toName":"全国政协","body":"建议国家层面统筹支持。",
                         "sourceNumber":"桂政协〔2026〕12号","journey":["450000","100000"],"recommendedBy":"gx-staff"}}"""
                .formatted(eventId, root, hop, root, UUID.randomUUID());
    }

    @Test
    void aRecommendationFromAnotherDeploymentIsQueuedOnceAndItsOutcomeTravelsBack() {
        String hop = UUID.randomUUID().toString();
        String root = UUID.randomUUID().toString();
        String event = recommended(hop, root, UUID.randomUUID().toString());
        TopicReader.publish(REPLICATED, root, event);
        TopicReader.publish(REPLICATED, root, event); // MirrorMaker 2 delivers at least once
        // the same hop again under another event id (a replay by the other side's operators): still one hop
        TopicReader.publish(REPLICATED, root, recommended(hop, root, UUID.randomUUID().toString()));
        TopicReader.awaitConsumed("proposals-service", Duration.ofSeconds(60), REPLICATED);

        JsonPath journey = as("qg-staff").get("/committees/100000/cultivation/items/" + hop).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(hop), journey.getList("hops.id"), "here the journey begins at the province");
        assertEquals("RECOMMENDED", journey.getString("hops[0].status"));
        assertEquals("广西壮族自治区政协", journey.getString("hops[0].committeeName"));
        assertEquals("gx", journey.getString("hops[0].origin"));
        assertEquals("桂政协〔2026〕12号", journey.getString("hops[0].sourceNumber"));
        List<String> queued = as("qg-staff").get("/committees/100000/cultivation/queue?status=RECOMMENDED&limit=100").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertEquals(1, queued.stream().filter(hop::equals).count(), queued::toString);
        // nobody below the national committee reads it: the province is not a committee of this deployment
        as("gd-staff").get("/committees/440000/cultivation/items/" + hop).then().statusCode(404);

        String national = as("qg-staff").body("{\"as\":\"COLLECTIVE\",\"onBehalfOf\":\"广西壮族自治区政协\"}")
                .post("/committees/100000/cultivation/items/" + hop + "/adopt").then().statusCode(200).extract().path("adopted.proposalId");
        as("qg-staff").post("/committees/100000/proposals/" + national + "/register").then().statusCode(200);

        // the decision and the progress, for the province: news of committee 450000, keyed by the journey
        List<JsonNode> back = TopicReader.await("cultivation.events", e -> hop.equals(e.at("/data/hopId").asText())
                && !e.path("type").asText().contains("Recommended"), 2, Duration.ofSeconds(30));
        JsonNode adopted = back.stream().filter(e -> e.path("type").asText().contains("CultivationAdopted")).findFirst().orElseThrow();
        assertEquals("450000", adopted.path("committee").asText());
        assertEquals(root, adopted.path("subject").asText());
        assertEquals(Map.of("proposalId", national, "toName", "全国政协", "decidedBy", "qg-staff"), Map.of(
                "proposalId", adopted.at("/data/proposalId").asText(), "toName", adopted.at("/data/toName").asText(),
                "decidedBy", adopted.at("/data/decidedBy").asText()));
        JsonNode progressed = back.stream().filter(e -> e.path("type").asText().contains("CultivationProgressed")).findFirst().orElseThrow();
        assertEquals("450000", progressed.path("committee").asText());
        assertEquals("REGISTERED", progressed.at("/data/status").asText());
        assertFalse(progressed.at("/data/number").asText().isBlank(), progressed::toString);

        // a recommendation replayed after the decision leaves the decision as it was
        TopicReader.publish(REPLICATED, root, event);
        TopicReader.awaitConsumed("proposals-service", Duration.ofSeconds(60), REPLICATED);
        assertEquals("ADOPTED", as("qg-staff").get("/committees/100000/cultivation/items/" + hop).then().statusCode(200)
                .extract().path("hops[0].status"));
    }
}
