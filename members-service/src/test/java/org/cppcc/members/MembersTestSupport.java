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

    /** The id of a demo user's membership of a committee, adding them first if needed. */
    static String membership(String username, String committee, String name, String sector, boolean standing) {
        String token = Tokens.of(username);
        String body = """
                {"userId":"%s","username":"%s","name":"%s","gender":"女","sector":"%s","standingCommittee":%s}"""
                .formatted(Tokens.subject(token), username, name, sector, standing);
        var created = as("admin").body(body).post("/committees/" + committee + "/members");
        if (created.statusCode() == 201) {
            return created.path("id");
        }
        return given().auth().oauth2(token).get("/committees/" + committee + "/members/me").then().statusCode(200).extract().path("id");
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
