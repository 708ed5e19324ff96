package org.cppcc.members;

import io.restassured.specification.RequestSpecification;
import org.cppcc.platform.testkit.DemoCommittees;
import org.cppcc.platform.testkit.Tokens;

import static io.restassured.RestAssured.given;

final class MembersTestSupport {

    private MembersTestSupport() {
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/json");
    }

    /** Registers the demo committee tree through the platform operator's API (idempotent). */
    static void demoCommittees() {
        for (DemoCommittees.Demo c : DemoCommittees.TREE) {
            String parent = c.parentCode() == null ? "null" : "\"" + c.parentCode() + "\"";
            as("admin").body("{\"name\":\"%s\",\"level\":\"%s\",\"parentCode\":%s}".formatted(c.name(), c.level(), parent))
                    .put("/admin/committees/" + c.code()).then().statusCode(200);
        }
    }
}
