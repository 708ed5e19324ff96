package org.cppcc.consultation;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.AuthorizationMatrix;
import org.cppcc.platform.testkit.DemoCommittees;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every operation of consultation-service × every demo user: on a 黄埔区 activity; and, from 广州市's operations,
 * on that activity as another committee's ({@link AuthorizationMatrix}).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AuthorizationMatrixTest {

    @Test
    void onlyDocumentedCallersGet2xxAndAnotherCommitteesIdsLookLikeNone() {
        DemoCommittees.announce();
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(Tokens.of("hp-staff")).contentType("application/json")
                .body(ActivityTest.ACTIVITY).post("/committees/440112/activities").statusCode() == 201);
        String activity = given().auth().oauth2(Tokens.of("hp-staff")).contentType("application/json").body(ActivityTest.ACTIVITY)
                .post("/committees/440112/activities").then().statusCode(201).extract().path("id");
        // one object of each kind the operations take an id of: a plan, its topic, an opinion, a report, a speech; and the activity's questionnaire
        ConsultationTestSupport.rosterKnown();
        int year = 2500 + (int) (Math.abs(java.util.UUID.randomUUID().getMostSignificantBits()) % 400);
        String plan = ActivityTest.as("hp-staff").body("{\"year\":" + year + ",\"title\":\"矩阵计划\"}").post("/committees/440112/consultation-plans")
                .then().statusCode(200).extract().path("id");
        String topic = ActivityTest.as("hp-staff").body("{\"title\":\"矩阵议题\",\"form\":\"THEMATIC\",\"owner\":\"提案委员会\",\"plannedFor\":\""
                + year + "-06-01\"}").post("/committees/440112/consultation-plans/" + plan + "/topics").then().statusCode(200).extract().path("id");
        String opinion = ActivityTest.as("hp-staff").body("{\"text\":\"矩阵意见\",\"authorName\":\"嘉宾\"}")
                .post("/committees/440112/activities/" + activity + "/opinions").then().statusCode(200).extract().path("id");
        String report = ActivityTest.as("hp-staff").body("{\"kind\":\"PARTIAL\",\"title\":\"矩阵报告\",\"body\":\"正文\",\"submittedTo\":\"主席\"}")
                .post("/committees/440112/topics/" + topic + "/reports").then().statusCode(200).extract().path("id");
        ActivityTest.as("hp-staff").body("{\"usernames\":[\"hp-member\"]}").post("/committees/440112/activities/" + activity + "/invitations")
                .then().statusCode(200);
        String speech = ActivityTest.as("hp-member").body("{\"title\":\"矩阵发言\",\"text\":\"正文\"}")
                .post("/committees/440112/activities/" + activity + "/speeches").then().statusCode(200).extract().path("id");
        // the activity's questionnaire, drafted: its operations act on a real one
        ActivityTest.as("hp-staff").body(QuestionnaireTest.QUESTIONS).put("/committees/440112/activities/" + activity + "/questionnaire")
                .then().statusCode(200);
        String online = ActivityTest.as("hp-staff").body("{\"form\":\"ONLINE\",\"title\":\"矩阵网络议政\",\"startsAt\":\"2031-01-01T09:00:00Z\","
                + "\"location\":\"线上\"}").post("/committees/440112/activities").then().statusCode(201).extract().path("id");
        String post = ActivityTest.as("hp-member").body("{\"text\":\"矩阵帖子\"}").post("/committees/440112/activities/" + online + "/posts")
                .then().statusCode(200).extract().path("id");
        String guest = ActivityTest.as("hp-staff").body("{\"name\":\"矩阵专家\",\"organisation\":\"大学\",\"kind\":\"EXPERT\"}")
                .post("/committees/440112/activities/" + activity + "/guests").then().statusCode(200).extract().path("id");
        Map<String, String> objects = Map.of("activities", activity, "consultation-plans", plan, "topics", topic, "opinions", opinion,
                "reports", report, "speeches", speech, "posts", post, "guests", guest);
        Map<String, List<String>> own = new java.util.HashMap<>();
        objects.forEach((k, v) -> own.put(k, List.of(v)));
        AuthorizationMatrix.Report mine = new AuthorizationMatrix("440112", own, Map.of(), "org.cppcc.consultation").run();
        AuthorizationMatrix.Report foreign = new AuthorizationMatrix("440100", Map.of(), objects, "org.cppcc.consultation").run();
        System.out.println("[authorization matrix] consultation-service: " + mine.summary() + "; from 440100: " + foreign.summary());
        assertEquals(List.of(), mine.failures());
        assertEquals(List.of(), foreign.failures());
    }
}
