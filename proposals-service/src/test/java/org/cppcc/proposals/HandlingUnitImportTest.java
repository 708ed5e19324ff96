package org.cppcc.proposals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.cppcc.proposals.ProposalsTestSupport.as;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A new committee's handling units and their officers, registered from one table with a report per row. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class HandlingUnitImportTest {

    private static io.restassured.response.Response upload(String user, String type, byte[] file) {
        return given().auth().oauth2(Tokens.of(user)).contentType(type).body(file).post("/committees/440112/handling-units/import");
    }

    @Test
    void unitsAreRegisteredRowByRowWithAReport() {
        ProposalsTestSupport.committeesAnnounced();
        String s = UUID.randomUUID().toString().substring(0, 6);
        as("hp-staff").body("{\"name\":\"已有局" + s + "\",\"officers\":[]}").post("/committees/440112/handling-units").then().statusCode(201);
        String csv = "单位名称,经办人\n"
                + "区教育局" + s + ",hp-unit、hp-unit2\n"
                + "已有局" + s + ",\n"
                + ",,\n"
                + "区" + "很".repeat(120) + "长的局,hp-unit\n"
                + "区卫健局" + s + ",\n";
        JsonPath report = upload("hp-staff", "text/csv", csv.getBytes(StandardCharsets.UTF_8)).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("CREATED", "EXISTS", "REJECTED", "CREATED"), report.getList("rows.outcome"));
        assertEquals(List.of(2, 3, 5, 6), report.getList("rows.row"));
        assertEquals(2, report.getInt("created"));
        as("hp-staff").get("/committees/440112/handling-units").then().statusCode(200)
                .body("find { it.name == '区教育局" + s + "' }.officers", org.hamcrest.Matchers.containsInAnyOrder("hp-unit", "hp-unit2"))
                .body("name", hasItem("区卫健局" + s));

        // importing again changes nothing
        JsonPath again = upload("hp-staff", "text/csv", csv.getBytes(StandardCharsets.UTF_8)).then().statusCode(200).extract().jsonPath();
        assertEquals(0, again.getInt("created"));

        // not the office's table, not a table at all, not the member's to do
        upload("hp-staff", "text/csv", "名字\n区局\n".getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .contentType("application/problem+json");
        upload("hp-staff", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "not a workbook".getBytes())
                .then().statusCode(400).contentType("application/problem+json");
        upload("hp-member", "text/csv", csv.getBytes(StandardCharsets.UTF_8)).then().statusCode(403);
        upload("gz-staff", "text/csv", csv.getBytes(StandardCharsets.UTF_8)).then().statusCode(403);
    }
}
