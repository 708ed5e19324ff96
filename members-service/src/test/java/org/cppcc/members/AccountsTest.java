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
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
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
    void endingACommitteeMembershipNeverDisablesAnOperatorsAccount() {
        String operator = Tokens.subject(Tokens.of("admin"));
        String id = as("admin").body("{\"username\":\"admin\",\"name\":\"运维\",\"sector\":\"经济界\"}").post("/committees/440112/members")
                .then().statusCode(201).extract().path("id");
        awaitSynced("440112", id);
        as("admin").body("{\"reason\":\"测试\"}").post("/committees/440112/members/" + id + "/end").then().statusCode(200);
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> !groups(operator).contains(HUANGPU));
        awaitSynced("440112", id);
        assertTrue(user(operator).isEnabled(), "the platform administrator holds a realm role: the account stays enabled");
        assertFalse(Tokens.fetch(PlatformTestResource.keycloak().realmUrl(), "admin", Tokens.DEMO_PASSWORD).isBlank(), "and still logs in");
    }

    @Test
    void aCommitteeAdministratorCannotTakeOverAccountsOutsideTheirCommittee() {
        String gzStaff = Tokens.subject(Tokens.of("gz-staff"));
        List<String> gzStaffGroups = groups(gzStaff);
        for (String username : List.of("admin", "gz-staff", "dx-member")) {
            as("hp-admin").body("{\"username\":\"" + username + "\",\"name\":\"冒用\",\"sector\":\"经济界\"}").post("/committees/440112/members")
                    .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("platform administrator"));
        }
        as("hp-admin").body("{\"userId\":\"" + gzStaff + "\",\"username\":\"someone-else\",\"name\":\"冒用\",\"sector\":\"经济界\"}")
                .post("/committees/440112/members").then().statusCode(403);
        // the same by roster import: each row refused, nothing stored
        String csv = "username,name,sector\nadmin,冒用,经济界\ngz-staff,冒用,经济界\ndx-member,冒用,经济界\n";
        as("hp-admin").contentType("text/csv; charset=UTF-8").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/committees/440112/members/import").then().statusCode(200)
                .body("rows.outcome", everyItem(equalTo("REJECTED"))).body("rows[0].reason", containsString("platform administrator"));
        List<String> onRoster = as("hp-admin").get("/committees/440112/members?limit=100").then().statusCode(200).extract().jsonPath()
                .getList("items.username");
        assertFalse(onRoster.contains("gz-staff") || onRoster.contains("dx-member"), onRoster.toString());
        assertEquals(gzStaffGroups, groups(gzStaff), "nothing changed in Keycloak");
        assertTrue(user(Tokens.subject(Tokens.of("dx-member"))).isEnabled());
    }

    @Test
    void aDisabledAccountIsRevivedOnlyByAPlatformAdministratorAndNeverWhenAnOperatorDisabledIt() {
        // the registry disabled it (last membership ended): a committee administrator may not revive it, an operator may
        String username = "m-" + UUID.randomUUID().toString().substring(0, 8);
        String city = add("440100", username);
        String userId = awaitSynced("440100", city);
        as("admin").body("{\"reason\":\"换届\"}").post("/committees/440100/members/" + city + "/end").then().statusCode(200);
        awaitSynced("440100", city);
        assertFalse(user(userId).isEnabled());
        as("hp-admin").body(newPerson(username)).post("/committees/440112/members").then().statusCode(403);
        String district = add("440112", username);
        awaitSynced("440112", district);
        assertTrue(user(userId).isEnabled(), "re-enabled for the platform administrator");

        // disabled by an operator in Keycloak (a ban): the registry links it but never enables it
        String banned = "m-" + UUID.randomUUID().toString().substring(0, 8);
        String bannedMember = add("440300", banned);
        String bannedId = awaitSynced("440300", bannedMember);
        UserRepresentation rep = user(bannedId);
        rep.setEnabled(false);
        keycloak.realm("cppcc").users().get(bannedId).update(rep);
        String again = add("440100", banned);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Object error = as("admin").get("/committees/440100/members/" + again).then().extract().path("accountError");
            return String.valueOf(error).contains("operator");
        });
        assertFalse(user(bannedId).isEnabled());
        // the banned person's memberships end: nothing is left pending
        for (String[] m : List.of(new String[]{"440300", bannedMember}, new String[]{"440100", again})) {
            as("admin").body("{\"reason\":\"停用\"}").post("/committees/" + m[0] + "/members/" + m[1] + "/end").then().statusCode(200);
            awaitSynced(m[0], m[1]);
        }
    }

    @Test
    void anAccountMadeByTheRegistryLogsInOnceItsPasswordIsSet() {
        String username = "m-" + UUID.randomUUID().toString().substring(0, 8);
        String id = as("hp-admin").body("{\"username\":\"" + username + "\",\"name\":\"欧阳吴敏\",\"gender\":\"女\",\"sector\":\"科技界\"}")
                .post("/committees/440112/members").then().statusCode(201).extract().path("id");
        String userId = awaitSynced("440112", id);
        UserRepresentation u = user(userId);
        assertEquals("欧阳", u.getLastName());
        assertEquals("吴敏", u.getFirstName());
        // what the person does with the set-password link: choose a password
        var credential = new org.keycloak.representations.idm.CredentialRepresentation();
        credential.setType("password");
        credential.setValue("Chosen-pw-1");
        credential.setTemporary(false);
        keycloak.realm("cppcc").users().get(userId).resetPassword(credential);
        u = user(userId);
        u.setRequiredActions(List.of());
        keycloak.realm("cppcc").users().get(userId).update(u);

        String token = Tokens.fetch(PlatformTestResource.keycloak().realmUrl(), username, "Chosen-pw-1");
        given().auth().oauth2(token).get("/committees/440112/members/me").then().statusCode(200).body("name", equalTo("欧阳吴敏"));
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
