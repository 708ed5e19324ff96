package org.cppcc.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.cppcc.deploy.Api;
import org.cppcc.deploy.Service;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * 四级联动 across deployments (ADR 0012): a province running its own deployment (广西: its own broker, realm,
 * members-service and proposals-service) recommends a proposal to the national committee, hosted by the e2e
 * platform; MirrorMaker 2 carries the recommendation over, the national office adopts it, and the decision and
 * the national proposal's progress come back; a second item is declined. Redelivered events (MirrorMaker 2
 * delivers at least once) have no second effect on either side.
 */
class CrossDeploymentFlowTest extends E2eTest {

    private static final String GUANGXI = "450000";
    private static final String PASSWORD = "Gui-Lin-2026";
    private static PeerDeployment gx;
    private static Api gxApi;

    @BeforeAll
    static void startProvince() {
        gx = PeerDeployment.start(platform, api);
        gxApi = new Api(gx.realmUrl());
    }

    @AfterAll
    static void stopProvince() {
        if (gx != null) {
            gx.close();
        }
    }

    /** A person of the province's realm, once their account exists there (created by its members-service). */
    private static String gxToken(String username) {
        String[] token = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            token[0] = gxApi.token(username, PASSWORD);
            return true;
        });
        return token[0];
    }

    private static String registered(String member, String staff, String title) {
        String[] id = new String[1];
        // as soon as the province's proposals-service knows the committee and the member's token has the role
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Api.Reply r = api.post(gx.proposals() + "/committees/" + GUANGXI + "/proposals", gxToken(member),
                    Map.of("title", title, "body", "建议国家层面统筹支持，形成跨区域协同。", "publishConsent", true));
            id[0] = r.status() == 201 ? r.body().get("id").asText() : null;
            return id[0] != null;
        });
        ok(api.post(gx.proposals() + "/committees/" + GUANGXI + "/proposals/" + id[0] + "/register", gxToken(staff), Map.of()), 200);
        return id[0];
    }

    /** One hop of the journey the item's address answers with. */
    private static JsonNode hop(JsonNode journey, String hop) {
        for (JsonNode h : journey.get("hops")) {
            if (hop.equals(h.get("id").asText())) {
                return h;
            }
        }
        throw new AssertionError("no hop " + hop + " in " + journey);
    }

    private static JsonNode nationalItem(String hop) {
        return hop(ok(api.get(platform.url(Service.PROPOSALS) + "/committees/100000/cultivation/items/" + hop, token("qg-staff")), 200), hop);
    }

    private static JsonNode provinceItem(String hop) {
        return hop(ok(api.get(gx.proposals() + "/committees/" + GUANGXI + "/cultivation/items/" + hop, gxToken("gx-staff")), 200), hop);
    }

    private static List<String> entries(String evidenceId) {
        List<String> kinds = new ArrayList<>();
        ok(api.get(gx.members() + "/me/performance?limit=100", gxToken("gx-member")), 200).at("/entries/items").forEach(e -> {
            if (evidenceId.equals(e.get("evidenceId").asText())) {
                kinds.add(e.get("kind").asText() + "@" + e.get("committee").asText());
            }
        });
        return kinds;
    }

    private static long nationalNotices(String link) {
        long[] n = new long[1];
        ok(api.get(platform.url(Service.NOTIFICATION) + "/me/notifications?limit=100", token("qg-staff")), 200).get("items")
                .forEach(i -> n[0] += link.equals(i.get("link").asText()) ? 1 : 0);
        return n[0];
    }

    @Test
    void aProvincialDeploymentsProposalIsAdoptedByTheNationalDeployment() {
        // the province's deployment onboards its tree: the national committee (run by the parent deployment) and itself
        String admin = gxApi.token("admin", "demo");
        ok(api.put(gx.members() + "/admin/committees/100000", admin, Map.of("name", "全国政协", "level", "national")), 200);
        ok(api.put(gx.members() + "/admin/committees/" + GUANGXI, admin,
                Map.of("name", "广西壮族自治区政协", "level", "provincial", "parentCode", "100000")), 200);
        ok(api.put(gx.members() + "/committees/" + GUANGXI + "/staff/gx-staff/roles/proposal-office", admin,
                Map.of("name", "黄丽", "email", "gx-staff@gx.cppcc.local")), 200);
        ok(api.post(gx.members() + "/committees/" + GUANGXI + "/members", admin,
                Map.of("username", "gx-member", "name", "韦明", "sector", "科技界")), 201);
        for (String user : List.of("gx-staff", "gx-member")) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> {
                        E2ePlatform.setPassword(PeerDeployment.REALM, user, PASSWORD);
                        return true;
                    });
        }

        String p1 = registered("gx-member", "gx-staff", "关于支持西部陆海新通道建设的提案");
        String p2 = registered("gx-member", "gx-staff", "关于广西边境口岸数字化改造的提案");
        String h1 = ok(api.post(gx.proposals() + "/committees/" + GUANGXI + "/cultivation/recommendations", gxToken("gx-staff"),
                Map.of("kind", "PROPOSAL", "sourceId", p1, "note", "事关国家战略，建议全国政协培育")), 201).get("id").asText();
        String h2 = ok(api.post(gx.proposals() + "/committees/" + GUANGXI + "/cultivation/recommendations", gxToken("gx-staff"),
                Map.of("kind", "PROPOSAL", "sourceId", p2)), 201).get("id").asText();
        assertEquals("全国政协", provinceItem(h1).get("targetName").asText());

        // across MirrorMaker 2 into the national deployment's queue, named as the province named itself
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> List.of(h1, h2).stream().allMatch(h -> api.get(platform.url(Service.PROPOSALS)
                        + "/committees/100000/cultivation/items/" + h, token("qg-staff")).status() == 200));
        JsonNode received = nationalItem(h1);
        assertEquals("RECOMMENDED", received.get("status").asText());
        assertEquals("广西壮族自治区政协", received.get("committeeName").asText());
        assertEquals(PeerDeployment.ALIAS, received.get("origin").asText());
        assertEquals("韦明", received.get("authorName").asText());
        await().atMost(Duration.ofSeconds(60)).until(() -> nationalNotices("/committees/100000/cultivation/items/" + h1) == 1);

        String national = ok(api.post(platform.url(Service.PROPOSALS) + "/committees/100000/cultivation/items/" + h1 + "/adopt",
                token("qg-staff"), Map.of("as", "COLLECTIVE", "onBehalfOf", "广西壮族自治区政协")), 200).at("/adopted/proposalId").asText();
        ok(api.post(platform.url(Service.PROPOSALS) + "/committees/100000/proposals/" + national + "/register", token("qg-staff"), Map.of()), 200);
        ok(api.post(platform.url(Service.PROPOSALS) + "/committees/100000/cultivation/items/" + h2 + "/decline", token("qg-staff"),
                Map.of("reason", "建议由自治区统筹办理")), 200);

        // back in the province: what became of each item, with the national proposal's number once registered
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode h = provinceItem(h1);
            return h.get("status").asText().equals("ADOPTED") && h.at("/adopted/status").asText().equals("REGISTERED");
        });
        JsonNode adopted = provinceItem(h1);
        assertEquals(national, adopted.at("/adopted/proposalId").asText());
        assertFalse(adopted.at("/adopted/number").asText().isBlank(), adopted::toString);
        assertEquals("qg-staff", adopted.get("decidedBy").asText());
        await().atMost(Duration.ofSeconds(60)).until(() -> provinceItem(h2).get("status").asText().equals("DECLINED"));
        assertEquals("建议由自治区统筹办理", provinceItem(h2).get("declineReason").asText());
        // lineage both ways: the province's proposal shows where it went, the national one where it came from
        assertEquals(national, ok(api.get(gx.proposals() + "/committees/" + GUANGXI + "/proposals/" + p1 + "/lineage", gxToken("gx-staff")), 200)
                .at("/hops/0/adopted/proposalId").asText());
        assertEquals(p1, ok(api.get(platform.url(Service.PROPOSALS) + "/committees/100000/proposals/" + national + "/lineage", token("qg-staff")), 200)
                .at("/hops/0/sourceId").asText());
        JsonNode stats = ok(api.get(gx.proposals() + "/committees/" + GUANGXI + "/cultivation/statistics", gxToken("gx-staff")), 200);
        assertEquals(1, stats.at("/cultivatedFor/0/adopted").asLong(), stats::toString);
        assertEquals(1, stats.at("/cultivatedFor/0/declined").asLong(), stats::toString);
        // 履职 for the author, in the province's own members-service
        await().atMost(Duration.ofSeconds(60)).until(() -> entries(h1).equals(List.of("PROPOSAL_CULTIVATED@" + GUANGXI)));

        // MirrorMaker 2 delivers at least once: the same events again change nothing on either side
        String replicatedHere = PeerDeployment.ALIAS + ".cultivation.events";
        String replicatedThere = PeerDeployment.PARENT_ALIAS + ".cultivation.events";
        for (JsonNode e : TopicReader.await(platform.kafka().bootstrapServers(), replicatedHere,
                e -> h1.equals(e.at("/data/hopId").asText()), 1, Duration.ofSeconds(30))) {
            TopicReader.publish(platform.kafka().bootstrapServers(), replicatedHere, e.at("/data/rootId").asText(), e.toString(), Map.of());
        }
        for (JsonNode e : TopicReader.await(gx.bootstrapServers(), replicatedThere,
                e -> h1.equals(e.at("/data/hopId").asText()), 2, Duration.ofSeconds(30))) {
            TopicReader.publish(gx.bootstrapServers(), replicatedThere, e.at("/data/rootId").asText(), e.toString(), Map.of());
        }
        for (String group : List.of("proposals-service", "notification-service")) {
            TopicReader.awaitConsumed(platform.kafka().bootstrapServers(), group, Duration.ofSeconds(60), replicatedHere);
        }
        for (String group : List.of("proposals-service", "members-service")) {
            TopicReader.awaitConsumed(gx.bootstrapServers(), group, Duration.ofSeconds(60), replicatedThere);
        }
        assertEquals("ADOPTED", nationalItem(h1).get("status").asText());
        assertEquals(1, nationalNotices("/committees/100000/cultivation/items/" + h1));
        assertEquals("REGISTERED", provinceItem(h1).at("/adopted/status").asText());
        assertEquals(List.of("PROPOSAL_CULTIVATED@" + GUANGXI), entries(h1));

        // and the national deployment's people read nothing of the province's own proposals through it
        ok(api.get(gx.proposals() + "/committees/" + GUANGXI + "/proposals/" + p1, token("qg-staff")), 401);
    }
}
