package org.cppcc.members;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.Tokens;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.cppcc.members.MembersTestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Members' Keycloak accounts, checked in the real Keycloak the tests run against. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AccountsTest {

    static final String HUANGPU = "/100000/440000/440100/440112/member";
    static final String GUANGZHOU = "/100000/440000/440100/member";

    @Inject
    Keycloak keycloak;

    @BeforeEach
    void committees() {
        MembersTestSupport.demoCommittees();
    }

    private static String newPerson(String username) {
        return """
                {"username":"%s","name":"李明","gender":"男","sector":"经济界","email":"%s@example.cn","mobile":"13800000000"}"""
                .formatted(username, username);
    }

    private String add(String committee, String username) {
        return as("admin").body(newPerson(username)).post("/committees/" + committee + "/members").then().statusCode(201)
                .body("accountState", equalTo("PENDING")).extract().path("id");
    }

    private String awaitSynced(String committee, String memberId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> "SYNCED".equals(as("admin").get("/committees/" + committee + "/members/" + memberId)
                .then().extract().path("accountState")));
        return as("admin").get("/committees/" + committee + "/members/" + memberId).then().extract().path("userId");
    }

    private List<String> groups(String userId) {
        return keycloak.realm("cppcc").users().get(userId).groups(0, 100, false).stream().map(GroupRepresentation::getPath).toList();
    }

    private UserRepresentation user(String userId) {
        return keycloak.realm("cppcc").users().get(userId).toRepresentation();
    }

    @Test
    void addingAMemberCreatesTheirAccountInTheCommitteesMemberGroupWithASetPasswordAction() {
        String username = "m-" + UUID.randomUUID().toString().substring(0, 8);
        String id = add("440112", username);
        String userId = awaitSynced("440112", id);

        UserRepresentation u = user(userId);
        assertEquals(username, u.getUsername());
        assertTrue(u.isEnabled());
        assertTrue(u.getRequiredActions().contains("UPDATE_PASSWORD"));
        assertEquals(List.of(HUANGPU), groups(userId));
        // the account's bookkeeping does not make the version staff read stale (If-Match of the 201's version)
        as("admin").header("If-Match", "0").body(newPerson(username).replace("李明", "李明远")).put("/committees/440112/members/" + id)
                .then().statusCode(200).body("name", equalTo("李明远")).body("userId", equalTo(userId));
        // the other services hear of the member once the account exists, with its id
        var joined = TopicReader.await("members.events", e -> id.equals(e.path("subject").asText())
                && e.path("type").asText().endsWith("MemberJoined.v1"), 1, Duration.ofSeconds(30));
        assertEquals(userId, joined.get(0).at("/data/userId").asText());
    }

    @Test
    void anExistingAccountIsLinkedNotDuplicated() {
        String gzMember = Tokens.subject(Tokens.of("gz-member"));
        String id = as("admin").body("{\"username\":\"gz-member\",\"name\":\"陈芳\",\"sector\":\"科技界\"}").post("/committees/110115/members")
                .then().statusCode(201).extract().path("id");
        assertEquals(gzMember, awaitSynced("110115", id));
        assertTrue(groups(gzMember).contains("/100000/110000/110115/member"));
        as("admin").body("{\"reason\":\"测试结束\"}").post("/committees/110115/members/" + id + "/end").then().statusCode(200);
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> !groups(gzMember).contains("/100000/110000/110115/member"));
        assertTrue(user(gzMember).isEnabled(), "gz-member still holds roles in 440100 and 440000");
    }

    @Test
    void endingAMembershipRemovesTheRoleAndTheLastOneDisablesTheAccount() {
        String username = "m-" + UUID.randomUUID().toString().substring(0, 8);
        String city = add("440100", username);
        String userId = awaitSynced("440100", city);
        String district = add("440112", username);
        awaitSynced("440112", district);
        assertTrue(groups(userId).containsAll(List.of(HUANGPU, GUANGZHOU)));

        as("admin").body("{\"reason\":\"换届\"}").post("/committees/440112/members/" + district + "/end").then().statusCode(200)
                .body("status", equalTo("ENDED"));
        awaitSynced("440112", district);
        assertEquals(List.of(GUANGZHOU), groups(userId));
        assertTrue(user(userId).isEnabled(), "still a member of 440100");

        as("admin").body("{\"reason\":\"辞去委员\"}").post("/committees/440100/members/" + city + "/end").then().statusCode(200);
        awaitSynced("440100", city);
        assertEquals(List.of(), groups(userId));
        assertFalse(user(userId).isEnabled(), "no membership left: the account is disabled");
        var left = TopicReader.await("members.events", e -> city.equals(e.path("subject").asText())
                && e.path("type").asText().endsWith("MemberLeft.v1"), 1, Duration.ofSeconds(30));
        assertEquals("辞去委员", left.get(0).at("/data/reason").asText());
        // ending it again changes nothing
        as("admin").body("{\"reason\":\"again\"}").post("/committees/440100/members/" + city + "/end").then().statusCode(200)
                .body("endReason", equalTo("辞去委员"));
    }

    @Test
    void aMemberAddedWhileKeycloakIsDownGetsTheirAccountOnceItIsBackAndDriftIsRepaired() {
        String admin = Tokens.of("admin"); // tokens already issued stay valid while Keycloak is away
        String username = "m-" + UUID.randomUUID().toString().substring(0, 8);
        PlatformTestResource.keycloak().stop();
        String id;
        try {
            id = add("440112", username);
            await().atMost(Duration.ofSeconds(60)).until(() -> as("admin").get("/committees/440112/members/" + id)
                    .then().extract().path("accountError") != null);
            as("admin").get("/committees/440112/members/" + id).then().body("accountState", equalTo("PENDING"))
                    .body("userId", org.hamcrest.Matchers.nullValue());
        } finally {
            PlatformTestResource.keycloak().start();
        }
        io.restassured.RestAssured.given().auth().oauth2(admin).post("/admin/accounts/sync").then().statusCode(200);
        String userId = awaitSynced("440112", id);
        assertEquals(List.of(HUANGPU), groups(userId));

        // someone removes the role by hand in Keycloak: the reconciliation puts it back
        String group = keycloak.realm("cppcc").getGroupByPath(HUANGPU).getId();
        keycloak.realm("cppcc").users().get(userId).leaveGroup(group);
        assertEquals(List.of(), groups(userId));
        io.restassured.RestAssured.given().auth().oauth2(admin).post("/admin/accounts/reconcile").then().statusCode(200)
                .body("failed", equalTo(0));
        assertEquals(List.of(HUANGPU), groups(userId));
        as("hp-member").post("/admin/accounts/reconcile").then().statusCode(403);
    }
}
