package org.cppcc.members;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.TestPlatform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.UUID;

import static org.cppcc.members.MembersTestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every change made through the API is in the committee's append-only audit trail, for its administrators. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AuditTrailTest {

    @BeforeEach
    void committees() {
        MembersTestSupport.demoCommittees();
    }

    @Test
    void changesAreRecordedWithWhoAndWhatAndOnlyAdministratorsReadThem() {
        String username = "a-" + UUID.randomUUID().toString().substring(0, 8);
        String id = as("hp-admin").body("{\"username\":\"" + username + "\",\"name\":\"审计\",\"sector\":\"经济界\"}")
                .post("/committees/440112/members").then().statusCode(201).extract().path("id");
        as("hp-admin").body("{\"reason\":\"测试\"}").post("/committees/440112/members/" + id + "/end").then().statusCode(200);
        // a refused change is not a change
        as("hp-member").body("{\"reason\":\"x\"}").post("/committees/440112/members/" + id + "/end").then().statusCode(403);

        as("hp-admin").get("/committees/440112/audit?limit=100").then().statusCode(200)
                .body("items.find { it.targetId == '" + id + "' }.action", equalTo("POST /committees/{code}/members/{id}/end"))
                .body("items.find { it.targetId == '" + id + "' }.actorName", equalTo("孙丽"))
                .body("items.action", hasItem("POST /committees/{code}/members"))
                .body("items.findAll { it.targetId == '" + id + "' }.size()", equalTo(1));
        as("hp-member").get("/committees/440112/audit").then().statusCode(403);
        as("hp-admin").get("/committees/440100/audit").then().statusCode(403);
        as("admin").get("/committees/440100/audit").then().statusCode(200).body("items.targetId", not(hasItem(id)));
    }

    @Test
    void theTrailCannotBeRewritten() throws SQLException {
        as("hp-admin").body("{\"username\":\"a-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"审计\",\"sector\":\"经济界\"}")
                .post("/committees/440112/members").then().statusCode(201);
        try (var db = TestPlatform.database(); var st = db.createStatement()) {
            assertThrows(SQLException.class, () -> st.executeUpdate("update audit_log set actor_name = 'someone else'"));
            assertThrows(SQLException.class, () -> st.executeUpdate("delete from audit_log"));
        }
    }
}
