package org.cppcc.members;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.cppcc.members.MembersTestSupport.as;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CommitteeRegistrationTest {

    @Test
    void platformAdminRegistersTheCommitteeTreeAndEachCommitteeIsAnnouncedOnce() {
        MembersTestSupport.demoCommittees();
        MembersTestSupport.demoCommittees(); // again: nothing changes, nothing is announced twice
        given().get("/committees").then().statusCode(200).body("code", hasItems("100000", "440000", "440100", "440112", "110115"));
        var events = TopicReader.await("members.events", e -> "org.cppcc.members.CommitteeRegistered.v1".equals(e.path("type").asText())
                && "440112".equals(e.path("subject").asText()), 1, Duration.ofSeconds(30));
        assertEquals(1, events.size());
        assertEquals("440100", events.get(0).at("/data/parentCode").asText());
    }

    @Test
    void onlyThePlatformAdminRegistersCommittees() {
        String body = "{\"name\":\"某市政协\",\"level\":\"city\",\"parentCode\":\"440000\"}";
        given().contentType("application/json").body(body).put("/admin/committees/440400").then().statusCode(401)
                .contentType("application/problem+json");
        as("gd-staff").body(body).put("/admin/committees/440400").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void badCommitteesAreRejected() {
        MembersTestSupport.demoCommittees();
        as("admin").body("{\"name\":\"x\",\"level\":\"city\",\"parentCode\":\"440000\"}").put("/admin/committees/44A").then().statusCode(400);
        as("admin").body("{\"name\":\"x\",\"level\":\"city\",\"parentCode\":\"999999\"}").put("/admin/committees/440500").then().statusCode(400);
        as("admin").body("{\"name\":\"x\",\"level\":\"town\",\"parentCode\":\"440000\"}").put("/admin/committees/440500").then().statusCode(400)
                .contentType("application/problem+json");
        as("admin").body("{\"level\":\"city\",\"parentCode\":\"440000\"}").put("/admin/committees/440500").then().statusCode(400);
        given().get("/committees").then().body("code", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("440500")));
    }
}
