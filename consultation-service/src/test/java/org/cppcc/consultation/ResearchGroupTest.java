package org.cppcc.consultation;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.cppcc.consultation.ActivityTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 调研 "1+4+N": a topic's joint group, thematic groups under it and teams under those, each led; the research activities
 * (pre-research, expert interview, visit) are held by a group of the topic and listed with it.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ResearchGroupTest {

    @BeforeEach
    void rosterKnown() {
        ConsultationTestSupport.rosterKnown();
    }

    private static String topic(int year) {
        String plan = as("hp-staff").body("{\"year\":" + year + ",\"title\":\"" + year + "年度协商计划\"}").post("/committees/440112/consultation-plans")
                .then().statusCode(200).extract().path("id");
        return as("hp-staff").body("{\"title\":\"养老服务体系建设\",\"form\":\"THEMATIC\",\"owner\":\"社会法制委员会\",\"plannedFor\":\"" + year + "-06-01\"}")
                .post("/committees/440112/consultation-plans/" + plan + "/topics").then().statusCode(200).extract().path("id");
    }

    private static String group(String topic, String kind, String name, String parent, int status) {
        return as("hp-staff").body("{\"kind\":\"" + kind + "\",\"name\":\"" + name + "\"" + (parent == null ? "" : ",\"parentId\":\"" + parent + "\"")
                        + ",\"members\":[{\"username\":\"hp-member\",\"role\":\"LEAD\"},{\"username\":\"hp-member2\",\"role\":\"MEMBER\"}]}")
                .post("/committees/440112/topics/" + topic + "/research-groups").then().statusCode(status).extract().path("id");
    }

    @Test
    void aTopicsResearchIsCarriedByOneJointGroupItsThematicGroupsAndTeams() {
        int year = 2600 + (int) (Math.abs(UUID.randomUUID().getMostSignificantBits()) % 300);
        String topic = topic(year);
        String other = topic(year + 1);
        String groups = "/committees/440112/topics/" + topic + "/research-groups";

        // the order of 1+4+N: no thematic group before the joint one; one joint group; a team under a thematic group
        as("hp-member").body("{\"kind\":\"JOINT\",\"name\":\"x\",\"members\":[{\"username\":\"hp-member\",\"role\":\"LEAD\"}]}").post(groups)
                .then().statusCode(403);
        as("hp-staff").body("{\"kind\":\"JOINT\",\"name\":\"x\",\"members\":[{\"username\":\"hp-member\",\"role\":\"MEMBER\"}]}").post(groups)
                .then().statusCode(400); // nobody leads it
        as("hp-staff").body("{\"kind\":\"JOINT\",\"name\":\"x\",\"members\":[{\"username\":\"gz-member\",\"role\":\"LEAD\"}]}").post(groups)
                .then().statusCode(400); // not of this committee
        String joint = group(topic, "JOINT", "养老服务联合调研组", null, 200);
        group(topic, "JOINT", "第二个联合组", null, 409);
        group(topic, "TEAM", "小分队", joint, 400);
        String thematic = group(topic, "THEMATIC", "居家养老专题组", joint, 200);
        group(topic, "THEMATIC", "居家养老专题组", joint, 409); // its name is taken in the topic
        String otherJoint = group(other, "JOINT", "另一议题联合组", null, 200);
        group(topic, "THEMATIC", "跨议题", otherJoint, 400);
        String team = group(topic, "TEAM", "长洲街小分队", thematic, 200);

        // a visit held by the team; a group of another topic, or on a form that is not research, is refused
        String visit = "{\"form\":\"%s\",\"title\":\"实地走访长洲街长者饭堂\",\"startsAt\":\"" + Instant.now().plus(Duration.ofDays(6))
                + "\",\"location\":\"长洲街\",\"topicId\":\"" + topic + "\",\"researchGroupId\":\"%s\",\"researchStage\":\"VISIT\"}";
        as("hp-staff").body(visit.formatted("BIMONTHLY", team)).post("/committees/440112/activities").then().statusCode(400);
        as("hp-staff").body(visit.formatted("RESEARCH", otherJoint)).post("/committees/440112/activities").then().statusCode(400);
        String held = as("hp-staff").body(visit.formatted("RESEARCH", team)).post("/committees/440112/activities").then().statusCode(201)
                .body("researchStage", equalTo("VISIT")).body("researchGroupId", equalTo(team)).extract().path("id");
        String interview = as("hp-staff").body(visit.formatted("RESEARCH", joint).replace("VISIT", "INTERVIEW").replace("实地走访长洲街长者饭堂", "专家座谈"))
                .post("/committees/440112/activities").then().statusCode(201).extract().path("id");

        JsonPath list = as("hp-member").get(groups).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(joint, thematic, team), list.getList("id"));
        assertEquals(List.of("JOINT", "THEMATIC", "TEAM"), list.getList("kind"));
        assertEquals(java.util.Arrays.asList(null, joint, thematic), list.getList("parentId"));
        assertEquals(List.of("LEAD", "MEMBER"), list.getList("[0].members.role"));
        assertEquals(List.of(interview), list.getList("[0].activities.id"));
        assertEquals(List.of(held), list.getList("[2].activities.id"));
        assertEquals("INTERVIEW", list.getString("[0].activities[0].stage"));
        as("gz-member").get(groups.replace("440112", "440100")).then().statusCode(404);
    }
}
