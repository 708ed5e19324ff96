package org.cppcc.members;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.Tokens;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.cppcc.members.MembersTestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class MemberRosterTest {

    @BeforeEach
    void committees() {
        MembersTestSupport.demoCommittees();
    }

    private String member(String username, String name, String sector) {
        return """
                {"userId":"%s","username":"%s","name":"%s","gender":"女","ethnicity":"汉族","party":"九三学社",
                 "sector":"%s","workUnit":"广州大学","jobTitle":"教授","standingCommittee":false}"""
                .formatted(Tokens.subject(Tokens.of(username)), username, name, sector);
    }

    @Test
    void oneTwoCommitteesPersonIsAMemberOfBothAndEachMembershipIsAnnounced() {
        String city = as("admin").body(member("gz-member", "陈芳", "科技界")).post("/committees/440100/members")
                .then().statusCode(201).body("committee", equalTo("440100")).extract().path("id");
        as("admin").body(member("gz-member", "陈芳", "科技界")).post("/committees/440000/members").then().statusCode(201);
        as("admin").body(member("gz-member", "陈芳", "科技界")).post("/committees/440100/members")
                .then().statusCode(409).contentType("application/problem+json");

        as("gz-member").get("/committees/440100/members?limit=100").then().statusCode(200).body("items.id", hasItem(city));
        var joined = TopicReader.await("members.events", e -> city.equals(e.path("subject").asText()), 1, Duration.ofSeconds(30));
        assertEquals("org.cppcc.members.MemberJoined.v1", joined.get(0).get("type").asText());
        assertEquals("440100", joined.get(0).get("committee").asText());
    }

    @Test
    void contactDetailsAreForTheMemberAndTheCommitteesStaffOnly() {
        String username = "c-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String id = as("admin").body("{\"username\":\"" + username + "\",\"name\":\"林静\",\"sector\":\"经济界\","
                        + "\"email\":\"linjing@example.cn\",\"mobile\":\"13900000000\"}").post("/committees/440112/members")
                .then().statusCode(201).extract().path("id");
        as("hp-member").get("/committees/440112/members/" + id).then().statusCode(200).body("name", equalTo("林静"))
                .body("email", org.hamcrest.Matchers.nullValue()).body("mobile", org.hamcrest.Matchers.nullValue());
        as("hp-member").get("/committees/440112/members?limit=100").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.email", org.hamcrest.Matchers.nullValue());
        as("hp-staff").get("/committees/440112/members/" + id).then().statusCode(200).body("email", equalTo("linjing@example.cn"))
                .body("mobile", equalTo("13900000000"));
        as("hp-admin").get("/committees/440112/members/" + id).then().statusCode(200).body("mobile", equalTo("13900000000"));
    }

    @Test
    void rosterIsVisibleOnlyInsideTheCommittee() {
        String id = as("admin").body(member("hp-member", "张伟", "经济界")).post("/committees/440112/members")
                .then().statusCode(201).extract().path("id");
        as("hp-member").get("/committees/440112/members/" + id).then().statusCode(200).body("name", equalTo("张伟"))
                .body("accountState", org.hamcrest.Matchers.nullValue()); // other members do not see the account's state
        as("admin").get("/committees/440112/members/" + id).then().body("accountState", org.hamcrest.Matchers.notNullValue());
        as("dx-member").get("/committees/440112/members/" + id).then().statusCode(403);
        // 广州市's member asking for 黄埔区's member id under 广州市: not there
        as("gz-member").get("/committees/440100/members/" + id).then().statusCode(404).contentType("application/problem+json");
        // members and proposal staff do not add members
        as("hp-member").body(member("hp-unit", "王强", "经济界")).post("/committees/440112/members").then().statusCode(403);
        as("hp-staff").body(member("hp-unit", "王强", "经济界")).post("/committees/440112/members").then().statusCode(403);
    }

    @Test
    void aCommitteeAdministratorManagesOnlyTheirOwnCommitteesRoster() {
        String username = "adm-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String body = "{\"username\":\"" + username + "\",\"name\":\"钱程\"}";
        String id = as("hp-admin").body(body).post("/committees/440112/members").then().statusCode(201).extract().path("id");
        as("hp-admin").body(body).post("/committees/440100/members").then().statusCode(403).contentType("application/problem+json");
        as("hp-admin").body("{\"reason\":\"x\"}").post("/committees/440100/members/" + id + "/end").then().statusCode(403);
        as("gz-member").get("/committees/440100/members?limit=100").then().body("items.username", org.hamcrest.Matchers.not(hasItem(username)));
    }

    @Test
    void badMembersAreRejectedAndNothingIsStored() {
        as("admin").body("{\"userId\":\"not-a-user\",\"username\":\"x\",\"name\":\"\"}").post("/committees/110115/members")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("userId")).body("errors.field", hasItem("name"));
        as("admin").get("/committees/110115/members?limit=100").then().statusCode(200)
                .body("items.username", org.hamcrest.Matchers.not(hasItem("x")));
    }
}
