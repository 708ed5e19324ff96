package org.cppcc.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.cppcc.deploy.Api;
import org.cppcc.deploy.Service;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 四级联动 through the real services: a 黄埔区 proposal goes up through 广州市 and 广东省 to 全国, adopted at each
 * level; a second item is declined on the way. Every level reads the lineage and its figures; the offices and
 * the authors are told (notification-service); the authors whose work rose get a 履职 entry (members-service);
 * supervision from above reads what it may and nothing else.
 */
class CultivationFlowTest extends E2eTest {

    private static String proposals(String path) {
        return platform.url(Service.PROPOSALS) + "/committees/" + path;
    }

    private static String registered(String committee, String member, String staff, String title) {
        String id = ok(api.post(proposals(committee + "/proposals"), token(member),
                Map.of("title", title, "body", "建议上级统筹推进，形成区域协同。", "publishConsent", true)), 201).get("id").asText();
        ok(api.post(proposals(committee + "/proposals/" + id + "/register"), token(staff), Map.of()), 200);
        return id;
    }

    private static String recommend(String committee, String staff, String proposalId) {
        return ok(api.post(proposals(committee + "/cultivation/recommendations"), token(staff),
                Map.of("kind", "PROPOSAL", "sourceId", proposalId, "note", "本级难以解决，建议上级统筹")), 201).get("id").asText();
    }

    private static String adopt(String committee, String staff, String hop, Map<String, Object> as) {
        return ok(api.post(proposals(committee + "/cultivation/items/" + hop + "/adopt"), token(staff), as), 200)
                .at("/adopted/proposalId").asText();
    }

    private static List<String> inboxLinks(String user) {
        List<String> links = new ArrayList<>();
        ok(api.get(platform.url(Service.NOTIFICATION) + "/me/notifications?limit=100", token(user)), 200)
                .get("items").forEach(n -> links.add(n.get("link").asText()));
        return links;
    }

    private static List<String> entryKinds(String user, String evidenceId) {
        List<String> kinds = new ArrayList<>();
        ok(api.get(platform.url(Service.MEMBERS) + "/me/performance?limit=100", token(user)), 200).at("/entries/items")
                .forEach(e -> {
                    if (evidenceId.equals(e.get("evidenceId").asText())) {
                        kinds.add(e.get("kind").asText() + "@" + e.get("committee").asText());
                    }
                });
        return kinds;
    }

    @Test
    void aDistrictProposalRisesToTheNationalCommitteeAndEveryLevelFollowsIt() {
        String p1 = registered("440112", "hp-member", "hp-staff", "关于粤港澳大湾区科创走廊协同建设的提案");
        String h1 = recommend("440112", "hp-staff", p1);
        await().atMost(Duration.ofSeconds(60)).until(() -> inboxLinks("gz-staff").contains("/committees/440100/cultivation/items/" + h1));

        String p2 = adopt("440100", "gz-staff", h1, Map.of("as", "MEMBER", "authorUsername", "gz-member"));
        ok(api.post(proposals("440100/proposals/" + p2 + "/register"), token("gz-staff"), Map.of()), 200);
        String h2 = recommend("440100", "gz-staff", p2);
        String p3 = adopt("440000", "gd-staff", h2, Map.of("as", "MEMBER")); // the 广州 author is a member of 广东 too
        ok(api.post(proposals("440000/proposals/" + p3 + "/register"), token("gd-staff"), Map.of()), 200);
        String h3 = recommend("440000", "gd-staff", p3);
        String p4 = adopt("100000", "qg-staff", h3, Map.of("as", "COLLECTIVE", "onBehalfOf", "九三学社中央"));
        ok(api.post(proposals("100000/proposals/" + p4 + "/register"), token("qg-staff"), Map.of()), 200);

        // a second item is declined on the way, with its reason
        String other = registered("440112", "hp-member", "hp-staff", "关于黄埔区背街小巷改造的提案");
        String declined = recommend("440112", "hp-staff", other);
        ok(api.post(proposals("440100/cultivation/items/" + declined + "/decline"), token("gz-staff"),
                Map.of("reason", "属区级事权，建议区内办理")), 200);

        // lineage at every level: the same journey, three hops, each adopted and registered
        for (String[] at : List.of(new String[]{"440112", "hp-staff", p1}, new String[]{"440100", "gz-staff", p2},
                new String[]{"440000", "gd-staff", p3}, new String[]{"100000", "qg-staff", p4})) {
            JsonNode journey = ok(api.get(proposals(at[0] + "/proposals/" + at[2] + "/lineage"), token(at[1])), 200);
            assertEquals(3, journey.get("hops").size(), () -> at[0] + ": " + journey);
            journey.get("hops").forEach(h -> {
                assertEquals("ADOPTED", h.get("status").asText());
                assertEquals("REGISTERED", h.at("/adopted/status").asText());
            });
        }
        // figures where it began: one adopted for each level above, one declined by 广州
        JsonNode stats = ok(api.get(proposals("440112/cultivation/statistics"), token("hp-staff")), 200);
        for (int level = 0; level < 3; level++) {
            assertTrue(stats.at("/cultivatedFor/" + level + "/adopted").asLong() >= 1, stats::toString);
        }
        assertTrue(stats.at("/cultivatedFor/0/declined").asLong() >= 1, stats::toString);

        // told at both ends: the recommending office and the author hear the decisions
        await().atMost(Duration.ofSeconds(60)).until(() -> inboxLinks("hp-member").containsAll(List.of(
                "/committees/440112/cultivation/items/" + h1, "/committees/440112/cultivation/items/" + declined)));
        await().atMost(Duration.ofSeconds(60)).until(() -> inboxLinks("gz-staff").contains("/committees/440100/cultivation/items/" + h2));
        // 履职: the authors whose work rose, each in the committee they recommended from
        await().atMost(Duration.ofSeconds(60)).until(() -> entryKinds("hp-member", h1).equals(List.of("PROPOSAL_CULTIVATED@440112")));
        await().atMost(Duration.ofSeconds(60)).until(() -> entryKinds("gz-member", h2).equals(List.of("PROPOSAL_CULTIVATED@440100")));

        // supervision from above reads these, and nothing else of the committee below; a sibling reads nothing
        for (String above : List.of("gz-staff", "gd-staff", "qg-staff")) {
            ok(api.get(proposals("440112/cultivation/statistics"), token(above)), 200);
            ok(api.get(proposals("440112/supervision"), token(above)), 200);
            ok(api.get(proposals("440112/proposals/" + p1), token(above)), 403);
        }
        ok(api.get(proposals("440100/supervision"), token("sz-staff")), 403);
        ok(api.get(proposals("440100/cultivation/statistics"), token("sz-staff")), 403);
        ok(api.get(platform.url(Service.MEMBERS) + "/committees/440112/members", token("gz-staff")), 403);
    }
}
