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

import static org.cppcc.consultation.ActivityTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** 网络议政: posts wait for moderation, are published or hidden with a reason; each reader sees what they may. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DeliberationTest {

    @BeforeEach
    void rosterKnown() {
        ConsultationTestSupport.rosterKnown();
    }

    private static String schedule(String form) {
        return as("hp-staff").body("{\"form\":\"" + form + "\",\"title\":\"网络议政：城市更新\",\"startsAt\":\"" + Instant.now().plus(Duration.ofDays(1))
                + "\",\"location\":\"线上\"}").post("/committees/440112/activities").then().statusCode(201).extract().path("id");
    }

    private static List<String> texts(String user, String base) {
        return as(user).get(base + "/posts").then().statusCode(200).extract().jsonPath().getList("text");
    }

    @Test
    void postsWaitForModerationAndAreHiddenWithAReason() {
        String meeting = schedule("THEMATIC");
        as("hp-member").body("{\"text\":\"x\"}").post("/committees/440112/activities/" + meeting + "/posts").then().statusCode(400);
        String base = "/committees/440112/activities/" + schedule("ONLINE");

        String first = as("hp-member").body("{\"text\":\"建议老旧小区改造先征求居民意见\"}").post(base + "/posts").then().statusCode(200)
                .body("status", equalTo("PENDING")).body("mine", equalTo(true)).extract().path("id");
        as("gz-member").body("{\"text\":\"x\"}").post(base + "/posts").then().statusCode(403);
        as("hp-member2").body("{\"text\":\"附议\",\"parentId\":\"" + first + "\"}").post(base + "/posts").then().statusCode(400); // not published yet
        assertEquals(List.of("建议老旧小区改造先征求居民意见"), texts("hp-member", base));
        assertEquals(List.of(), texts("hp-member2", base), "others see it once published");
        assertEquals(List.of(first), as("hp-staff").get(base + "/posts?status=PENDING").then().statusCode(200).extract().jsonPath().getList("id"));

        as("hp-member").post("/committees/440112/posts/" + first + "/publish").then().statusCode(403);
        as("hp-staff").post("/committees/440112/posts/" + first + "/publish").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        as("hp-staff").post("/committees/440112/posts/" + first + "/publish").then().statusCode(409);
        assertEquals(List.of("建议老旧小区改造先征求居民意见"), texts("hp-member2", base));

        String reply = as("hp-member2").body("{\"text\":\"广告链接 http://spam.example\",\"parentId\":\"" + first + "\"}").post(base + "/posts")
                .then().statusCode(200).extract().path("id");
        as("hp-staff").body("{}").post("/committees/440112/posts/" + reply + "/hide").then().statusCode(400);
        as("hp-staff").body("{\"reason\":\"含广告信息\"}").post("/committees/440112/posts/" + reply + "/hide").then().statusCode(200)
                .body("status", equalTo("HIDDEN"));
        JsonPath own = as("hp-member2").get(base + "/posts").then().extract().jsonPath();
        assertEquals("含广告信息", own.getString("find { it.id == '" + reply + "' }.hiddenReason"), "its author sees why");
        assertEquals(List.of("建议老旧小区改造先征求居民意见"), texts("hp-member", base), "nobody else sees it");
        as("gz-staff").get(base + "/posts").then().statusCode(403);
    }
}
