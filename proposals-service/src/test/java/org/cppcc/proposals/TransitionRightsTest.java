package org.cppcc.proposals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.Tokens;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.cppcc.proposals.ProposalsTestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every step against every party: the one it belongs to succeeds; the others get 403 (or 404 when they
 * may not even see the proposal), and the proposal does not change.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TransitionRightsTest {

    static final List<String> PARTIES = List.of("hp-member", "hp-member2", "hp-staff", "hp-unit", "hp-unit2", "dx-member");
    static String lead;
    static String co;
    static String other;

    @BeforeEach
    void setUp() {
        ProposalsTestSupport.supervisorsAnnounced();
        if (lead == null) {
            for (String u : List.of("hp-member", "hp-member2")) {
                String id = Tokens.subject(Tokens.of(u));
                TopicReader.publish("members.events", id, """
                        {"specversion":"1.0","id":"joined-440112-%s","source":"/cppcc/members-service","type":"org.cppcc.members.MemberJoined.v1",
                         "subject":"m-%s","time":"2026-11-22T08:00:00Z","committee":"440112",
                         "data":{"memberId":"m-%s","userId":"%s","username":"%s","name":"%s","sector":"经济界","email":null,"mobile":null}}"""
                        .formatted(id, id, id, id, u, u));
            }
            String s = UUID.randomUUID().toString().substring(0, 6);
            lead = unit("主办局" + s, "hp-unit");
            co = unit("会办局" + s, "hp-unit2");
            other = unit("另一局" + s, null);
            await().atMost(Duration.ofSeconds(60)).until(() -> as("hp-member").body(Map.of("title", "t", "body", "b", "publishConsent", true,
                    "kind", "JOINT", "coSigners", List.of("hp-member2"))).post("/committees/440112/proposals").statusCode() == 201);
        }
    }

    static String unit(String name, String officer) {
        return as("hp-staff").body(Map.of("name", name, "officers", officer == null ? List.of() : List.of(officer)))
                .post("/committees/440112/handling-units").then().statusCode(201).extract().path("id");
    }

    static int post(String user, String id, String step, Object body) {
        RequestSpecification r = as(user);
        if (body != null) {
            r = r.body(body);
        }
        return r.post("/committees/440112/proposals/" + id + "/" + step).statusCode();
    }

    static void ok(String user, String id, String step, Object body) {
        assertEquals(200, post(user, id, step, body), user + " " + step);
    }

    /** A joint proposal by hp-member with hp-member2 as co-signer, brought to the given state. */
    static String inState(String state) {
        String id = as("hp-member").body(Map.of("title", "权限 " + state, "body", "正文", "publishConsent", true, "draft", true,
                "kind", "JOINT", "coSigners", List.of("hp-member2"))).post("/committees/440112/proposals").then().statusCode(201).extract().path("id");
        if (state.equals("DRAFT") || state.equals("INVITED")) {
            return id;
        }
        ok("hp-member2", id, "cosign", Map.of("accept", true));
        ok("hp-member", id, "submit", null);
        if (state.equals("SUBMITTED")) {
            return id;
        }
        ok("hp-staff", id, "register", null);
        if (state.equals("REGISTERED")) {
            return id;
        }
        ok("hp-staff", id, "assign", Map.of("leads", List.of(lead), "coHandlers", List.of(co)));
        if (state.equals("HANDLING")) {
            return id;
        }
        ok("hp-unit", id, "reply", Map.of("classification", "B", "body", "答复"));
        if (state.equals("REPLIED")) {
            return id;
        }
        ok("hp-member", id, "feedback", Map.of("replyRating", "SATISFIED", "contactRating", "SATISFIED"));
        return id;
    }

    record Case(String state, String step, Object body, String allowed) {
    }

    @Test
    void eachStepSucceedsOnlyForItsParty() {
        Map<String, Object> reason = Map.of("reason", "理由");
        Map<String, Object> rating = Map.of("replyRating", "SATISFIED", "contactRating", "SATISFIED");
        List<Case> cases = List.of(
                new Case("DRAFT", "submit", null, "hp-member"),
                new Case("DRAFT", "withdraw", null, "hp-member"),
                new Case("INVITED", "cosign", Map.of("accept", true), "hp-member2"),
                new Case("SUBMITTED", "register", null, "hp-staff"),
                new Case("SUBMITTED", "not-register", reason, "hp-staff"),
                new Case("SUBMITTED", "return", reason, "hp-staff"),
                new Case("REGISTERED", "key", Map.of("leader", "hp-leader"), "hp-staff"),
                new Case("REGISTERED", "assign", Map.of("leads", List.of(lead)), "hp-staff"),
                new Case("HANDLING", "reply", Map.of("classification", "A", "body", "答复"), "hp-unit"),
                new Case("HANDLING", "return-request", reason, "hp-unit2"),
                new Case("HANDLING", "reassign", Map.of("fromUnit", co, "toUnit", other), "hp-staff"),
                new Case("REPLIED", "feedback", rating, "hp-member"),
                new Case("REPLIED", "publish", null, "hp-staff"),
                new Case("COMPLETED", "archive", null, "hp-staff"));
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            String id = inState(c.state());
            int versionBefore = as("hp-member").get("/committees/440112/proposals/" + id).then().extract().path("version");
            for (String party : PARTIES) {
                if (party.equals(c.allowed()) || (c.step().equals("feedback") && party.equals("hp-member2"))
                        || (c.step().equals("return-request") && party.equals("hp-unit"))) {
                    continue; // also allowed: a co-signer's feedback (recorded beside the proposer's), the lead unit's return request
                }
                int status = post(party, id, c.step(), c.body());
                if (status != 403 && status != 404) {
                    wrong.add(c.step() + " in " + c.state() + " by " + party + " → " + status);
                }
            }
            assertEquals(versionBefore, (int) as("hp-member").get("/committees/440112/proposals/" + id).then().extract().path("version"),
                    "refused steps change nothing: " + c.step());
            int status = post(c.allowed(), id, c.step(), c.body());
            if (status != 200) {
                wrong.add(c.step() + " in " + c.state() + " by " + c.allowed() + " (its party) → " + status);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void theLeadDraftsItsReplyAndSendsItWithAttachments() {
        String id = inState("HANDLING");
        as("hp-unit").body(Map.of("classification", "B", "body", "初稿")).put("/committees/440112/proposals/" + id + "/reply-draft")
                .then().statusCode(204);
        as("hp-unit").get("/committees/440112/proposals/" + id + "/reply-draft").then().statusCode(200).body("body", equalTo("初稿"));
        as("hp-unit2").body(Map.of("classification", "B", "body", "x")).put("/committees/440112/proposals/" + id + "/reply-draft")
                .then().statusCode(403);

        byte[] big = new byte[2 * 1024 * 1024 + 1];
        as("hp-unit").body(Map.of("classification", "A", "body", "答复", "attachments",
                        List.of(Map.of("name", "大文件.pdf", "contentType", "application/pdf", "contentBase64", Base64.getEncoder().encodeToString(big)))))
                .post("/committees/440112/proposals/" + id + "/reply").then().statusCode(413).contentType("application/problem+json");
        List<Map<String, String>> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(Map.of("name", i + ".txt", "contentType", "text/plain", "contentBase64", "eA=="));
        }
        as("hp-unit").body(Map.of("classification", "A", "body", "答复", "attachments", six))
                .post("/committees/440112/proposals/" + id + "/reply").then().statusCode(400);
        as("hp-member").get("/committees/440112/proposals/" + id).then().body("status", equalTo("HANDLING"));

        byte[] letter = "答复函正文".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        as("hp-unit").body(Map.of("classification", "A", "body", "问题已解决，详见附件", "attachments",
                        List.of(Map.of("name", "答复函.txt", "contentType", "text/plain", "contentBase64", Base64.getEncoder().encodeToString(letter)))))
                .post("/committees/440112/proposals/" + id + "/reply").then().statusCode(200).body("status", equalTo("REPLIED"));
        String attachment = as("hp-member").get("/committees/440112/proposals/" + id + "/replies").then().statusCode(200)
                .body("[0].attachments.name", hasItem("答复函.txt")).extract().path("[0].attachments[0].id");
        byte[] downloaded = as("hp-member").get("/committees/440112/proposals/" + id + "/replies/attachments/" + attachment)
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(letter, downloaded);
        as("gz-staff").get("/committees/440100/proposals/" + id + "/replies/attachments/" + attachment).then().statusCode(404);

        ok("hp-member", id, "feedback", Map.of("replyRating", "BASICALLY_SATISFIED", "contactRating", "SATISFIED", "comment", "较满意"));
        as("hp-staff").get("/committees/440112/feedback?limit=100").then().statusCode(200)
                .body("items.find { it.proposalId == '" + id + "' }.replyRating", equalTo("BASICALLY_SATISFIED"));
        var first = as("hp-unit").get("/committees/440112/my-assignments?limit=1").then().statusCode(200).extract().jsonPath();
        String next = first.getString("next");
        if (next != null) {
            String firstId = first.getString("items[0].id");
            as("hp-unit").get("/committees/440112/my-assignments?limit=1&cursor=" + next).then().statusCode(200)
                    .body("items[0].id", org.hamcrest.Matchers.not(equalTo(firstId)));
        }
        as("hp-unit").get("/committees/440112/my-assignments?cursor=bm90LWEtY3Vyc29y").then().statusCode(400);
        as("hp-member").get("/committees/440112/feedback").then().statusCode(403);
    }
}
