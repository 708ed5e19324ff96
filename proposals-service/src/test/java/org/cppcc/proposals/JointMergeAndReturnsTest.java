package org.cppcc.proposals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.Tokens;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.cppcc.proposals.ProposalsTestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** 联名, 集体提案, 并案, a unit's return request and reassignment, conversion, and archiving a session. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class JointMergeAndReturnsTest {

    static boolean ready;
    static String unitA;
    static String unitB;

    static void joined(String username, String name) {
        String userId = Tokens.subject(Tokens.of(username));
        TopicReader.publish("members.events", userId, """
                {"specversion":"1.0","id":"joined-440112-%s","source":"/cppcc/members-service","type":"org.cppcc.members.MemberJoined.v1",
                 "subject":"m-%s","time":"2026-11-22T08:00:00Z","committee":"440112",
                 "data":{"memberId":"m-%s","userId":"%s","username":"%s","name":"%s","sector":"经济界","email":null,"mobile":null}}"""
                .formatted(userId, userId, userId, userId, username, name));
    }

    @BeforeEach
    void setUp() {
        ProposalsTestSupport.committeesAnnounced();
        if (!ready) {
            joined("hp-member", "张伟");
            joined("hp-member2", "李华");
            String s = UUID.randomUUID().toString().substring(0, 6);
            unitA = as("hp-staff").body("{\"name\":\"甲局" + s + "\",\"officers\":[\"hp-unit\"]}").post("/committees/440112/handling-units")
                    .then().statusCode(201).extract().path("id");
            unitB = as("hp-staff").body("{\"name\":\"乙局" + s + "\",\"officers\":[]}").post("/committees/440112/handling-units")
                    .then().statusCode(201).extract().path("id");
            // the roster has arrived once a joint proposal inviting hp-member2 is accepted as input
            await().atMost(Duration.ofSeconds(60)).until(() -> as("hp-member").body(joint("名册就绪")).post("/committees/440112/proposals")
                    .statusCode() == 201);
            ready = true;
        }
    }

    static String joint(String title) {
        return "{\"title\":\"" + title + "\",\"body\":\"正文\",\"publishConsent\":true,\"kind\":\"JOINT\",\"coSigners\":[\"hp-member2\"]}";
    }

    static ValidatableResponse step(String user, String id, String step, String body) {
        var r = as(user);
        if (body != null) {
            r = r.body(body);
        }
        return r.post("/committees/440112/proposals/" + id + "/" + step).then();
    }

    @Test
    void aJointProposalCountsOnlyTheCoSignersWhoAccept() {
        String id = as("hp-member").body(joint("联名提案：关于建设口袋公园的提案")).post("/committees/440112/proposals")
                .then().statusCode(201).body("kind", equalTo("JOINT")).extract().path("id");
        as("hp-member2").get("/committees/440112/cosign-requests").then().statusCode(200).body("proposalId", hasItem(id));
        as("hp-member2").get("/committees/440112/proposals/" + id).then().statusCode(200);
        step("hp-staff", id, "cosign", "{\"accept\":true}").statusCode(403);
        step("hp-member2", id, "cosign", "{\"accept\":true}").statusCode(200);
        step("hp-member2", id, "cosign", "{\"accept\":false}").statusCode(409);
        as("hp-member").get("/committees/440112/proposals/" + id + "/cosigners").then().statusCode(200)
                .body("find { it.username == 'hp-member2' }.status", equalTo("ACCEPTED"));
        as("hp-member2").get("/committees/440112/cosign-requests").then().body("proposalId", not(hasItem(id)));

        step("hp-staff", id, "register", null).statusCode(200);
        step("hp-staff", id, "assign", "{\"leads\":[\"" + unitA + "\"]}").statusCode(200);
        step("hp-unit", id, "reply", "{\"classification\":\"A\",\"body\":\"已建成\"}").statusCode(200);
        // a co-signer rates too; only the proposer's rating moves the proposal on
        step("hp-member2", id, "feedback", "{\"replyRating\":\"BASICALLY_SATISFIED\",\"contactRating\":\"SATISFIED\"}").statusCode(200)
                .body("status", equalTo("REPLIED"));
        step("hp-member2", id, "feedback", "{\"replyRating\":\"SATISFIED\",\"contactRating\":\"SATISFIED\"}").statusCode(409);
        step("hp-member", id, "feedback", "{\"replyRating\":\"SATISFIED\",\"contactRating\":\"SATISFIED\"}").statusCode(200)
                .body("status", equalTo("COMPLETED"));
    }

    @Test
    void coSignersMustBeMembersOfTheCommittee() {
        as("hp-member").body("{\"title\":\"x\",\"body\":\"y\",\"publishConsent\":true,\"kind\":\"JOINT\",\"coSigners\":[\"dx-member\"]}")
                .post("/committees/440112/proposals").then().statusCode(400).contentType("application/problem+json");
        as("hp-member").body("{\"title\":\"x\",\"body\":\"y\",\"publishConsent\":true,\"kind\":\"JOINT\",\"coSigners\":[]}")
                .post("/committees/440112/proposals").then().statusCode(400);
        as("hp-member").body("{\"title\":\"x\",\"body\":\"y\",\"publishConsent\":true,\"coSigners\":[\"hp-member2\"]}")
                .post("/committees/440112/proposals").then().statusCode(400);
        as("hp-member").body("{\"title\":\"x\",\"body\":\"y\",\"publishConsent\":true,\"kind\":\"JOINT\",\"coSigners\":[\"hp-member\"]}")
                .post("/committees/440112/proposals").then().statusCode(400);
        as("hp-member").body("{\"title\":\"x\",\"body\":\"y\",\"publishConsent\":true,\"kind\":\"JOINT\",\"coSigners\":[\"hp-member2\"],"
                + "\"signingDeadline\":\"2020-01-01T00:00:00Z\"}").post("/committees/440112/proposals").then().statusCode(400);
    }

    @Test
    void theOfficeSubmitsCollectiveProposalsForAPartyOrSector() {
        as("hp-staff").body("{\"title\":\"关于发展职业教育的提案\",\"body\":\"正文\",\"publishConsent\":true,\"kind\":\"COLLECTIVE\","
                        + "\"onBehalfOf\":\"九三学社黄埔区基层委员会\"}").post("/committees/440112/proposals")
                .then().statusCode(201).body("kind", equalTo("COLLECTIVE")).body("onBehalfOf", equalTo("九三学社黄埔区基层委员会"));
        as("hp-member").body("{\"title\":\"x\",\"body\":\"y\",\"publishConsent\":true,\"kind\":\"COLLECTIVE\",\"onBehalfOf\":\"z\"}")
                .post("/committees/440112/proposals").then().statusCode(403);
        as("hp-staff").body("{\"title\":\"x\",\"body\":\"y\",\"publishConsent\":true}").post("/committees/440112/proposals").then().statusCode(403);
        as("hp-staff").body("{\"title\":\"x\",\"body\":\"y\",\"publishConsent\":true,\"kind\":\"COLLECTIVE\"}")
                .post("/committees/440112/proposals").then().statusCode(400);
    }

    @Test
    void similarProposalsAreMergedKeepingTheirAuthors() {
        String into = as("hp-member").body("{\"title\":\"关于治理交通拥堵的提案\",\"body\":\"正文\",\"publishConsent\":true}")
                .post("/committees/440112/proposals").then().statusCode(201).extract().path("id");
        String merged = as("hp-member2").body("{\"title\":\"关于缓解早晚高峰拥堵的提案\",\"body\":\"正文\",\"publishConsent\":true}")
                .post("/committees/440112/proposals").then().statusCode(201).extract().path("id");
        step("hp-member", merged, "merge", "{\"into\":\"" + into + "\"}").statusCode(404);
        step("hp-member2", merged, "merge", "{\"into\":\"" + into + "\"}").statusCode(403);
        step("hp-staff", merged, "merge", "{\"into\":\"" + merged + "\"}").statusCode(400);
        step("hp-staff", merged, "merge", "{\"into\":\"" + into + "\"}").statusCode(200).body("status", equalTo("MERGED"))
                .body("mergedInto", equalTo(into));
        as("hp-staff").get("/committees/440112/proposals/" + into + "/cosigners").then()
                .body("find { it.username == 'hp-member2' }.status", equalTo("ACCEPTED"));
        step("hp-staff", merged, "register", null).statusCode(409);
    }

    @Test
    void aUnitGivesBackAWrongAssignmentAndTheOfficeReassignsIt() {
        String id = as("hp-member").body("{\"title\":\"交办退回测试\",\"body\":\"正文\",\"publishConsent\":true}")
                .post("/committees/440112/proposals").then().statusCode(201).extract().path("id");
        step("hp-staff", id, "register", null).statusCode(200);
        step("hp-staff", id, "assign", "{\"leads\":[\"" + unitA + "\"]}").statusCode(200);
        step("hp-unit", id, "return-request", "{\"reason\":\"不属于本单位职责\"}").statusCode(200);
        step("hp-unit", id, "return-request", "{\"reason\":\"again\"}").statusCode(409);
        as("hp-staff").get("/committees/440112/proposals/" + id + "/assignments").then()
                .body("find { it.unitId == '" + unitA + "' }.status", equalTo("RETURN_REQUESTED"));
        step("hp-member", id, "reassign", "{\"fromUnit\":\"" + unitA + "\",\"toUnit\":\"" + unitB + "\"}").statusCode(403);
        step("hp-staff", id, "reassign", "{\"fromUnit\":\"" + unitA + "\",\"toUnit\":\"" + unitB + "\"}").statusCode(200);
        as("hp-staff").get("/committees/440112/proposals/" + id + "/assignments").then()
                .body("find { it.unitId == '" + unitB + "' }.status", equalTo("OPEN"))
                .body("find { it.unitId == '" + unitA + "' }.status", equalTo("CLOSED"));
        step("hp-unit", id, "reply", "{\"classification\":\"A\",\"body\":\"x\"}").statusCode(409);
        as("hp-unit").get("/committees/440112/my-assignments?limit=100").then().body("items.proposalId", not(hasItem(id)));
    }

    @Test
    void aProposalNotRegisteredCanBecomeAPublicOpinionReportAndASessionIsArchived() {
        as("gz-staff").body("{\"term\":3,\"session\":1,\"deadlineDays\":90,\"returnWindowDays\":7}").put("/committees/440100/proposal-settings")
                .then().statusCode(200);
        String id = as("gz-member").body("{\"title\":\"小区停车难\",\"body\":\"正文\",\"publishConsent\":true}").post("/committees/440100/proposals")
                .then().statusCode(201).extract().path("id");
        as("gz-staff").body("{\"reason\":\"宜作为社情民意信息报送\",\"convertTo\":\"OPINION_REPORT\"}")
                .post("/committees/440100/proposals/" + id + "/not-register").then().statusCode(200).body("convertedTo", equalTo("OPINION_REPORT"));
        as("gz-member").body("{\"term\":3,\"session\":1}").post("/committees/440100/archive-session").then().statusCode(403);
        as("gz-staff").body("{\"term\":3,\"session\":1}").post("/committees/440100/archive-session").then().statusCode(200);
        as("gz-member").get("/committees/440100/proposals/" + id).then().body("status", equalTo("ARCHIVED"));
    }
}
