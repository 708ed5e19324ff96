package org.cppcc.proposals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.cppcc.proposals.ProposalsTestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A proposal's whole life in 黄埔区 (440112), step by step, with each party's rights and the audit trail. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ProposalLifecycleTest {

    static String leadUnit;
    static String coUnit;

    @BeforeEach
    void setUp() {
        ProposalsTestSupport.supervisorsAnnounced();
        if (leadUnit == null) {
            String suffix = UUID.randomUUID().toString().substring(0, 6);
            leadUnit = as("hp-staff").body("{\"name\":\"区科技局" + suffix + "\",\"officers\":[\"hp-unit\"]}")
                    .post("/committees/440112/handling-units").then().statusCode(201).extract().path("id");
            coUnit = as("hp-staff").body("{\"name\":\"区住建局" + suffix + "\",\"officers\":[]}")
                    .post("/committees/440112/handling-units").then().statusCode(201).extract().path("id");
        }
    }

    static String draft(String title, boolean consent) {
        return as("hp-member").body("{\"title\":\"" + title + "\",\"body\":\"正文\",\"publishConsent\":" + consent + ",\"draft\":true}")
                .post("/committees/440112/proposals").then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");
    }

    static ValidatableResponse step(String user, String id, String step, String body) {
        var r = as(user);
        if (body != null) {
            r = r.body(body);
        }
        return r.post("/committees/440112/proposals/" + id + "/" + step).then();
    }

    static String submitted(String title, boolean consent) {
        String id = draft(title, consent);
        step("hp-member", id, "submit", null).statusCode(200);
        return id;
    }

    static String registered(String title) {
        String id = submitted(title, true);
        step("hp-staff", id, "register", null).statusCode(200);
        return id;
    }

    @Test
    void aProposalGoesFromDraftToArchiveWithEveryPartyDoingTheirPart() {
        String id = draft("关于完善社区养老服务的提案", true);
        // a draft is the author's alone
        as("hp-staff").get("/committees/440112/proposals/" + id).then().statusCode(404);
        as("hp-staff").get("/committees/440112/proposals?limit=100").then().body("items.id", not(hasItem(id)));
        // edit with the version read; a stale version is refused
        as("hp-member").header("If-Match", "0").body("{\"title\":\"关于完善社区居家养老服务的提案\",\"body\":\"修改后的正文\",\"publishConsent\":true}")
                .put("/committees/440112/proposals/" + id).then().statusCode(200).body("version", equalTo(1));
        as("hp-member").header("If-Match", "0").body("{\"title\":\"x\",\"body\":\"y\",\"publishConsent\":true}")
                .put("/committees/440112/proposals/" + id).then().statusCode(409).contentType("application/problem+json");

        step("hp-member", id, "submit", null).statusCode(200).body("status", equalTo("SUBMITTED"));
        // 退回 and resubmit
        step("hp-staff", id, "return", "{\"reason\":\"请补充调研数据\"}").statusCode(200).body("status", equalTo("RETURNED"))
                .body("decisionReason", equalTo("请补充调研数据"));
        as("hp-member").body("{\"title\":\"关于完善社区居家养老服务的提案\",\"body\":\"补充了调研数据\",\"publishConsent\":true}")
                .put("/committees/440112/proposals/" + id).then().statusCode(200);
        step("hp-member", id, "submit", null).statusCode(200).body("status", equalTo("SUBMITTED"));

        // 立案 with a number of the session
        step("hp-staff", id, "register", null).statusCode(200).body("status", equalTo("REGISTERED"))
                .body("number", matchesPattern("一届一次会议 第\\d{4}号"));
        step("hp-staff", id, "register", null).statusCode(409);
        step("hp-staff", id, "key", "{\"leader\":\"hp-leader\"}").statusCode(200).body("keyProposal", equalTo(true));

        // a unit sees nothing before it is assigned
        as("hp-unit").get("/committees/440112/proposals/" + id).then().statusCode(404);
        step("hp-staff", id, "assign", "{\"leads\":[\"" + leadUnit + "\"],\"coHandlers\":[\"" + coUnit + "\"]}")
                .statusCode(200).body("status", equalTo("HANDLING")).body("handlingRound", equalTo(1));
        as("hp-unit").get("/committees/440112/proposals/" + id).then().statusCode(200);
        as("hp-unit").get("/committees/440112/my-assignments?limit=100").then().statusCode(200).body("items.proposalId", hasItem(id));
        as("hp-unit").get("/committees/440112/proposals?limit=100").then().body("items.id", hasItem(id));

        // 办理: contact, then the lead's reply B
        as("hp-unit").body("{\"kind\":\"CONTACT_BEFORE\",\"body\":\"已电话联系提案人，了解诉求\"}")
                .post("/committees/440112/proposals/" + id + "/notes").then().statusCode(204);
        step("hp-unit", id, "reply", "{\"classification\":\"B\",\"body\":\"已列入明年工作计划\"}").statusCode(200)
                .body("status", equalTo("REPLIED"));

        // 不满意 → 二次办理 with a new deadline, then reply A and 满意
        step("hp-staff", id, "feedback", "{\"replyRating\":\"SATISFIED\",\"contactRating\":\"SATISFIED\"}").statusCode(403);
        step("hp-member", id, "feedback", "{\"replyRating\":\"UNSATISFIED\",\"contactRating\":\"BASICALLY_SATISFIED\",\"comment\":\"进度太慢\"}")
                .statusCode(200).body("status", equalTo("HANDLING")).body("handlingRound", equalTo(2));
        as("hp-staff").get("/committees/440112/proposals/" + id + "/assignments").then().statusCode(200)
                .body("findAll { it.round == 2 }.size()", equalTo(2));
        step("hp-unit", id, "reply", "{\"classification\":\"A\",\"body\":\"问题已解决\"}").statusCode(200).body("status", equalTo("REPLIED"));
        step("hp-member", id, "feedback", "{\"replyRating\":\"SATISFIED\",\"contactRating\":\"SATISFIED\"}").statusCode(200)
                .body("status", equalTo("COMPLETED"));

        // 公开: visible to everyone, without login
        given().get("/committees/440112/public/proposals/" + id).then().statusCode(404);
        step("hp-staff", id, "publish", null).statusCode(200).body("published", equalTo(true));
        given().get("/committees/440112/public/proposals/" + id).then().statusCode(200)
                .body("replies.classification", equalTo(List.of("B", "A"))).body("replies[1].body", equalTo("问题已解决"))
                .body("replies[0].round", equalTo(1)).body("replies[1].round", equalTo(2))
                .body("replies[0].unitName", org.hamcrest.Matchers.startsWith("区科技局")).body("replies[0].repliedAt", org.hamcrest.Matchers.endsWith("Z"))
                .body("replies[0].attachments", equalTo(List.of()));
        given().get("/committees/440112/public/proposals").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.replies.classification", equalTo(List.of("B", "A")));

        // 归档: read-only
        step("hp-staff", id, "archive", null).statusCode(200).body("status", equalTo("ARCHIVED"));
        as("hp-member").body("{\"title\":\"x\",\"body\":\"y\",\"publishConsent\":true}").put("/committees/440112/proposals/" + id)
                .then().statusCode(409);
        step("hp-member", id, "feedback", "{\"replyRating\":\"SATISFIED\",\"contactRating\":\"SATISFIED\"}").statusCode(409);

        // the audit trail, visible to whoever may see the proposal
        List<String> actions = as("hp-member").get("/committees/440112/proposals/" + id + "/history").then().statusCode(200)
                .extract().jsonPath().getList("action");
        assertEquals(List.of("EDIT", "EDIT", "SUBMIT", "RETURN", "EDIT", "SUBMIT", "REGISTER", "MARK_KEY", "ASSIGN", "REPLY", "FEEDBACK",
                "REPLY", "FEEDBACK", "PUBLISH", "ARCHIVE"), actions);
        as("hp-staff").get("/committees/440112/proposals/" + id + "/history").then()
                .body("find { it.action == 'REGISTER' }.actorRole", equalTo("proposal-office"))
                .body("find { it.action == 'REPLY' }.actorRole", equalTo("handling-unit"));
        as("gz-staff").get("/committees/440100/proposals/" + id + "/history").then().statusCode(404);

        List<JsonNode> events = TopicReader.await("proposals.events", e -> id.equals(e.path("subject").asText()), 13, Duration.ofSeconds(30));
        List<String> types = events.stream().map(e -> e.get("type").asText().replace("org.cppcc.proposals.", "").replace(".v1", "")).toList();
        assertTrue(types.containsAll(List.of("ProposalSubmitted", "ProposalReturned", "ProposalRegistered", "ProposalMarkedKey", "ProposalAssigned",
                "ProposalReplied", "FeedbackGiven", "ProposalPublished", "ProposalArchived")), types.toString());
    }

    @Test
    void illegalStepsAreConflictsAndChangeNothing() {
        String id = submitted("非法转换测试", false);
        int version = as("hp-member").get("/committees/440112/proposals/" + id).then().extract().path("version");
        step("hp-staff", id, "assign", "{\"leads\":[\"" + leadUnit + "\"]}").statusCode(409).contentType("application/problem+json");
        step("hp-staff", id, "publish", null).statusCode(409);
        step("hp-member", id, "feedback", "{\"replyRating\":\"SATISFIED\",\"contactRating\":\"SATISFIED\"}").statusCode(409);
        step("hp-staff", id, "archive", null).statusCode(409);
        as("hp-member").get("/committees/440112/proposals/" + id).then().body("status", equalTo("SUBMITTED")).body("version", equalTo(version));
        assertEquals(2, as("hp-member").get("/committees/440112/proposals/" + id + "/history").then().extract().jsonPath().getList("action").size());
    }

    @Test
    void eachStepBelongsToItsParty() {
        String submitted = submitted("权限矩阵测试", true);
        for (String who : List.of("hp-member", "hp-unit")) {
            step(who, submitted, "register", null).statusCode(who.equals("hp-unit") ? 404 : 403);
            step(who, submitted, "not-register", "{\"reason\":\"x\"}").statusCode(who.equals("hp-unit") ? 404 : 403);
            step(who, submitted, "return", "{\"reason\":\"x\"}").statusCode(who.equals("hp-unit") ? 404 : 403);
        }
        step("hp-staff", submitted, "withdraw", null).statusCode(403);
        step("gz-staff", submitted, "register", null).statusCode(403);
        as("gz-staff").post("/committees/440100/proposals/" + submitted + "/register").then().statusCode(404);

        String registered = registered("权限矩阵测试二");
        step("hp-member", registered, "assign", "{\"leads\":[\"" + leadUnit + "\"]}").statusCode(403);
        step("hp-member", registered, "withdraw", null).statusCode(409);
        step("hp-staff", registered, "assign", "{\"leads\":[\"" + leadUnit + "\"],\"coHandlers\":[\"" + coUnit + "\"]}").statusCode(200);
        step("hp-staff", registered, "reply", "{\"classification\":\"A\",\"body\":\"x\"}").statusCode(403);
        step("hp-member", registered, "reply", "{\"classification\":\"A\",\"body\":\"x\"}").statusCode(403);
        step("hp-unit", registered, "reply", "{\"classification\":\"D\",\"body\":\"x\"}").statusCode(400);
        step("hp-unit", registered, "feedback", "{\"replyRating\":\"SATISFIED\",\"contactRating\":\"SATISFIED\"}").statusCode(403);
        step("hp-unit", registered, "reply", "{\"classification\":\"A\",\"body\":\"已解决\"}").statusCode(200);
        step("hp-unit", registered, "publish", null).statusCode(403);
    }

    @Test
    void notRegisteringAndWithdrawingEndTheRoadWithAReason() {
        String rejected = submitted("不予立案测试", true);
        step("hp-staff", rejected, "not-register", "{\"reason\":\"属于个人诉求，建议转为社情民意信息\"}").statusCode(200)
                .body("status", equalTo("NOT_REGISTERED"));
        step("hp-staff", rejected, "not-register", "{\"reason\":\"\"}").statusCode(400);
        step("hp-staff", rejected, "not-register", "{\"reason\":\"again\"}").statusCode(409);
        String withdrawn = submitted("撤回测试", true);
        step("hp-member", withdrawn, "withdraw", null).statusCode(200).body("status", equalTo("WITHDRAWN"));
        step("hp-staff", withdrawn, "register", null).statusCode(409);
        String noConsent = submitted("不同意公开", false);
        step("hp-staff", noConsent, "register", null).statusCode(200);
        step("hp-staff", noConsent, "assign", "{\"leads\":[\"" + leadUnit + "\"]}").statusCode(200);
        step("hp-unit", noConsent, "reply", "{\"classification\":\"C\",\"body\":\"留作参考\"}").statusCode(200);
        step("hp-member", noConsent, "feedback", "{\"replyRating\":\"BASICALLY_SATISFIED\",\"contactRating\":\"SATISFIED\"}").statusCode(200);
        step("hp-staff", noConsent, "publish", null).statusCode(409);
    }

    @Test
    void numbersCountPerSessionAndSettingsBelongToTheOffice() {
        as("hp-member").body("{\"term\":2,\"session\":2,\"deadlineDays\":90,\"returnWindowDays\":7}")
                .put("/committees/440112/proposal-settings").then().statusCode(403);
        as("gz-staff").body("{\"term\":2,\"session\":2,\"deadlineDays\":90,\"returnWindowDays\":7}")
                .put("/committees/440100/proposal-settings").then().statusCode(200);
        String id = submitted("编号测试", true);
        step("hp-staff", id, "register", null).statusCode(200).body("number", matchesPattern("一届一次会议 第\\d{4}号"));
        as("gz-member").body("{\"title\":\"广州编号\",\"body\":\"x\",\"publishConsent\":true}").post("/committees/440100/proposals")
                .then().statusCode(201);
        as("gz-staff").get("/committees/440100/proposal-settings").then().body("term", equalTo(2));
        as("gz-staff").body("{\"term\":0,\"session\":2,\"deadlineDays\":90,\"returnWindowDays\":7}")
                .put("/committees/440100/proposal-settings").then().statusCode(400);
    }
}
