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
 * A joint proposal's whole life across the real services: submit, co-sign, register, assign (lead and
 * co-handler), co-handler opinion, reply B, 不满意, re-handling, reply A, 满意, publish, archive — and what the
 * author, the co-signer, the proposal office and the units hear of it, and the author's 履职 entries.
 */
class ProposalLifecycleFlowTest extends E2eTest {

    private static JsonNode step(String user, String id, String step, Object body) {
        Api.Reply r = api.post(platform.url(Service.PROPOSALS) + "/committees/440112/proposals/" + id + "/" + step, token(user),
                body == null ? "{}" : body);
        assertEquals(200, r.status(), () -> step + " by " + user + " answered " + r.status() + " " + r.body());
        return r.body();
    }

    private static String unitId(String name) {
        for (JsonNode u : api.get(platform.url(Service.PROPOSALS) + "/committees/440112/handling-units", token("hp-staff")).body()) {
            if (u.get("name").asText().equals(name)) {
                return u.get("id").asText();
            }
        }
        throw new IllegalStateException("no unit " + name);
    }

    private static List<String> titles(String user, String proposalId) {
        List<String> out = new ArrayList<>();
        api.get(platform.url(Service.NOTIFICATION) + "/me/notifications?limit=100", token(user)).body().get("items").forEach(n -> {
            if (n.get("link").asText().endsWith(proposalId)) {
                out.add(n.get("title").asText());
            }
        });
        return out;
    }

    private static long count(List<String> list, String item) {
        return list.stream().filter(item::equals).count();
    }

    @Test
    void aProposalLivesItsWholeLifeAndEveryPartyHearsItsPart() {
        Api.Reply created = api.post(platform.url(Service.PROPOSALS) + "/committees/440112/proposals", token("hp-member"),
                Map.of("title", "关于推进黄埔区老旧小区加装电梯的提案", "body", "建议简化审批、设立补贴。", "publishConsent", true,
                        "kind", "JOINT", "coSigners", List.of("hp-member2")));
        assertEquals(201, created.status(), () -> created.body().toString());
        String id = created.body().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> titles("hp-member2", id).contains("联名邀请"));
        step("hp-member2", id, "cosign", Map.of("accept", true));
        await().atMost(Duration.ofSeconds(60)).until(() -> titles("hp-member", id).contains("联名答复"));

        JsonNode registered = step("hp-staff", id, "register", null);
        assertTrue(registered.get("number").asText().matches("一届一次会议 第\\d{4}号"));
        step("hp-staff", id, "assign", Map.of("leads", List.of(unitId("黄埔区科技局")), "coHandlers", List.of(unitId("黄埔区住房和城乡建设局"))));
        await().atMost(Duration.ofSeconds(60)).until(() -> titles("hp-unit", id).contains("新交办提案"));

        Api.Reply note = api.post(platform.url(Service.PROPOSALS) + "/committees/440112/proposals/" + id + "/notes", token("hp-unit"),
                Map.of("kind", "CONTACT_BEFORE", "body", "办前与提案人电话沟通"));
        assertEquals(204, note.status());
        await().atMost(Duration.ofSeconds(60)).until(() -> titles("hp-unit2", id).contains("新交办提案"));
        Api.Reply opinion = api.post(platform.url(Service.PROPOSALS) + "/committees/440112/proposals/" + id + "/notes", token("hp-unit2"),
                Map.of("kind", "CO_OPINION", "body", "建议同步开展管线改造"));
        assertEquals(204, opinion.status(), () -> opinion.body().toString());
        step("hp-unit", id, "reply", Map.of("classification", "B", "body", "已列入2027年计划"));
        await().atMost(Duration.ofSeconds(60)).until(() -> titles("hp-member", id).contains("提案已答复，请反馈"));

        step("hp-member2", id, "feedback", Map.of("replyRating", "BASICALLY_SATISFIED", "contactRating", "SATISFIED"));
        JsonNode reopened = step("hp-member", id, "feedback", Map.of("replyRating", "UNSATISFIED", "contactRating", "SATISFIED"));
        assertEquals("HANDLING", reopened.get("status").asText());
        assertEquals(2, reopened.get("handlingRound").asInt());
        await().atMost(Duration.ofSeconds(60)).until(() -> count(titles("hp-unit", id), "新交办提案（二次办理）") == 1);

        step("hp-unit", id, "reply", Map.of("classification", "A", "body", "已完成加装"));
        await().atMost(Duration.ofSeconds(60)).until(() -> count(titles("hp-member", id), "提案已答复，请反馈") == 2);
        assertEquals("COMPLETED", step("hp-member", id, "feedback", Map.of("replyRating", "SATISFIED", "contactRating", "SATISFIED"))
                .get("status").asText());
        step("hp-staff", id, "publish", null);
        Api.Reply published = api.get(platform.url(Service.PROPOSALS) + "/committees/440112/public/proposals/" + id, null);
        assertEquals(200, published.status());
        assertEquals(2, published.body().get("replies").size());
        assertEquals("ARCHIVED", step("hp-staff", id, "archive", null).get("status").asText());

        await().atMost(Duration.ofSeconds(60)).until(() -> count(titles("hp-staff", id), "收到提案反馈") == 2);
        List<String> author = titles("hp-member", id);
        assertTrue(author.containsAll(List.of("提案已提交", "提案审查结果")), author.toString());
        assertTrue(titles("hp-staff", id).contains("新提案待审查"));
        assertTrue(titles("gz-staff", id).isEmpty() && titles("gz-unit", id).isEmpty(), "nobody of another committee hears of it");

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<String> kinds = new ArrayList<>();
            api.get(platform.url(Service.MEMBERS) + "/me/performance?limit=100", token("hp-member")).body().at("/entries/items").forEach(e -> {
                if (e.get("evidenceId").asText().equals(id)) {
                    kinds.add(e.get("kind").asText());
                }
            });
            return kinds.containsAll(List.of("PROPOSAL_SUBMITTED", "PROPOSAL_REGISTERED"));
        });
        List<String> history = new ArrayList<>();
        api.get(platform.url(Service.PROPOSALS) + "/committees/440112/proposals/" + id + "/history", token("hp-member")).body()
                .forEach(t -> history.add(t.get("action").asText()));
        assertEquals(List.of("SUBMIT", "COSIGN", "REGISTER", "ASSIGN", "REPLY", "COSIGNER_FEEDBACK", "FEEDBACK", "REPLY", "FEEDBACK",
                "PUBLISH", "ARCHIVE"), history);
        List<String> notes = new ArrayList<>();
        api.get(platform.url(Service.PROPOSALS) + "/committees/440112/proposals/" + id + "/notes", token("hp-staff")).body()
                .forEach(n -> notes.add(n.get("kind").asText()));
        assertEquals(List.of("CONTACT_BEFORE", "CO_OPINION"), notes);
    }
}
