package org.cppcc.consultation;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.cppcc.platform.testkit.DemoCommittees;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.Tokens;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ActivityTest {

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/json");
    }

    static final String ACTIVITY = """
            {"form":"NEIGHBOURHOOD","title":"身边事好商量：老旧小区加装电梯","startsAt":"2026-12-05T09:30:00+08:00","location":"黄埔区长洲街社区议事厅"}""";

    private static boolean announced;

    /** Per test, not @BeforeAll: the application (and its HTTP port) only exists once a test instance runs. */
    @BeforeEach
    synchronized void committees() {
        if (announced) {
            return;
        }
        announced = true;
        DemoCommittees.announce();
        await().atMost(Duration.ofSeconds(60)).until(() -> as("hp-member").get("/committees/440112/activities").statusCode() == 200
                && as("gz-member").get("/committees/440100/activities").statusCode() == 200);
    }

    @Test
    void consultationOfficeSchedulesAnActivityAndItIsAnnounced() {
        String id = as("hp-staff").body(ACTIVITY).post("/committees/440112/activities").then().statusCode(201)
                .body("form", equalTo("NEIGHBOURHOOD"))
                .body("startsAt", matchesPattern("2026-12-05T01:30:00Z"))
                .extract().path("id");
        as("hp-member").get("/committees/440112/activities").then().statusCode(200).body("items.id", hasItem(id));
        var events = TopicReader.await("consultations.events", e -> id.equals(e.path("subject").asText()), 1, Duration.ofSeconds(30));
        assertEquals("org.cppcc.consultations.ActivityScheduled.v1", events.get(0).get("type").asText());
    }

    /** Each form with what it needs: 对口协商 a department, 提案办理协商 the proposal, 界别协商 sectors, 委员议事厅 its episode. */
    @Test
    void eachFormCarriesWhatItNeeds() {
        String base = "{\"form\":\"%s\",\"title\":\"形式测试\",\"startsAt\":\"2026-12-10T09:30:00+08:00\",\"location\":\"区政协\"%s}";
        as("hp-staff").body(base.formatted("COUNTERPART", "")).post("/committees/440112/activities").then().statusCode(400);
        as("hp-staff").body(base.formatted("COUNTERPART", ",\"department\":\"区教育局\"")).post("/committees/440112/activities").then()
                .statusCode(201).body("department", equalTo("区教育局"));
        as("hp-staff").body(base.formatted("PROPOSAL_HANDLING", "")).post("/committees/440112/activities").then().statusCode(400);
        String proposal = java.util.UUID.randomUUID().toString();
        as("hp-staff").body(base.formatted("PROPOSAL_HANDLING", ",\"proposalId\":\"" + proposal + "\",\"handlingUnits\":[\"区住建局\",\"区城管局\"]"))
                .post("/committees/440112/activities").then().statusCode(201).body("proposalId", equalTo(proposal))
                .body("handlingUnits", equalTo(List.of("区住建局", "区城管局")));
        as("hp-staff").body(base.formatted("SECTOR", "")).post("/committees/440112/activities").then().statusCode(400);
        as("hp-staff").body(base.formatted("SECTOR", ",\"sectors\":[\"经济界\",\"科技界\"]")).post("/committees/440112/activities").then()
                .statusCode(201).body("sectors", equalTo(List.of("经济界", "科技界")));
        as("hp-staff").body(base.formatted("THEMATIC", ",\"department\":\"区教育局\"")).post("/committees/440112/activities").then().statusCode(400);
        int first = as("hp-staff").body(base.formatted("DELIBERATION_HALL", "")).post("/committees/440112/activities").then().statusCode(201)
                .extract().path("episode");
        int second = as("hp-staff").body(base.formatted("DELIBERATION_HALL", "")).post("/committees/440112/activities").then().statusCode(201)
                .extract().path("episode");
        assertEquals(first + 1, second, "委员议事厅 episodes are numbered one after another");
    }

    @Test
    void onlyStaffScheduleAndOnlyTheCommitteeSeesIt() {
        as("hp-member").body(ACTIVITY).post("/committees/440112/activities").then().statusCode(403).contentType("application/problem+json");
        String id = as("hp-staff").body(ACTIVITY).post("/committees/440112/activities").then().statusCode(201).extract().path("id");
        as("dx-member").get("/committees/440112/activities/" + id).then().statusCode(403);
        as("gz-member").get("/committees/440100/activities/" + id).then().statusCode(404).contentType("application/problem+json");
        given().get("/committees/440112/activities").then().statusCode(401);
    }

    @Test
    void cancellingAnActivityIsAnnouncedOnceAndCannotBeRepeated() {
        String id = as("hp-staff").body(ACTIVITY).post("/committees/440112/activities").then().statusCode(201).extract().path("id");
        as("hp-member").body("{\"reason\":\"x\"}").post("/committees/440112/activities/" + id + "/cancel").then().statusCode(403);
        as("hp-staff").body("{\"reason\":\"台风预警，改期举行\"}").post("/committees/440112/activities/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        as("hp-staff").body("{\"reason\":\"again\"}").post("/committees/440112/activities/" + id + "/cancel")
                .then().statusCode(409).contentType("application/problem+json");
        var events = TopicReader.await("consultations.events", e -> id.equals(e.path("subject").asText())
                && e.path("type").asText().endsWith("ActivityCancelled.v1"), 1, Duration.ofSeconds(30));
        assertEquals(1, events.size());
    }

    @Test
    void badActivitiesAreRejected() {
        int before = as("hp-member").get("/committees/440112/activities?limit=100").then().extract().jsonPath().getList("items").size();
        as("hp-staff").body("{\"form\":\"PICNIC\",\"title\":\"x\",\"startsAt\":\"2026-12-05T09:30:00+08:00\",\"location\":\"y\"}")
                .post("/committees/440112/activities").then().statusCode(400).contentType("application/problem+json");
        as("hp-staff").body("{\"form\":\"THEMATIC\",\"title\":\"x\",\"startsAt\":\"tomorrow\",\"location\":\"y\"}")
                .post("/committees/440112/activities").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("startsAt"));
        as("hp-staff").body("{\"form\":\"THEMATIC\"}").post("/committees/440112/activities").then().statusCode(400)
                .body("errors.field", hasItem("title")).body("errors.field", hasItem("location"));
        assertEquals(before, as("hp-member").get("/committees/440112/activities?limit=100").then().extract().jsonPath().getList("items").size());
    }
}
