package org.cppcc.members;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

import java.time.Duration;
import java.util.UUID;

import static org.cppcc.members.MembersTestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Onboarding a committee by API: it takes work at once, with its role groups; suspended it is read-only, resumed it takes work again. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OnboardingTest {

    @Inject
    Keycloak keycloak;

    @BeforeEach
    void committees() {
        MembersTestSupport.demoCommittees();
    }

    static String person(String username) {
        return "{\"username\":\"" + username + "\",\"name\":\"何新\",\"sector\":\"经济界\"}";
    }

    @Test
    void aNewDistrictTakesWorkAtOnceAndASuspendedOneIsReadOnly() {
        as("admin").body("{\"name\":\"广州市天河区政协\",\"level\":\"district\",\"parentCode\":\"440100\"}").put("/admin/committees/440106")
                .then().statusCode(200).body("suspended", equalTo(false));
        assertNotNull(keycloak.realm("cppcc").getGroupByPath("/100000/440000/440100/440106/proposal-office").getId(), "its role groups exist");
        as("admin").body(person("t-" + UUID.randomUUID().toString().substring(0, 8))).post("/committees/440106/members").then().statusCode(201);

        as("gd-staff").post("/admin/committees/440106/suspend").then().statusCode(403);
        as("admin").post("/admin/committees/440106/suspend").then().statusCode(200).body("suspended", equalTo(true));
        as("admin").body(person("t-" + UUID.randomUUID().toString().substring(0, 8))).post("/committees/440106/members").then().statusCode(423)
                .contentType("application/problem+json");
        as("admin").get("/committees/440106/members").then().statusCode(200);
        // renaming does not resume it
        as("admin").body("{\"name\":\"天河区政协\",\"level\":\"district\",\"parentCode\":\"440100\"}").put("/admin/committees/440106")
                .then().statusCode(200).body("suspended", equalTo(true));
        var announced = TopicReader.await("members.events", e -> "440106".equals(e.path("subject").asText())
                && e.at("/data/suspended").asBoolean(), 1, Duration.ofSeconds(30));
        assertEquals("天河区政协", announced.get(announced.size() - 1).at("/data/name").asText(), "every service learns it is suspended");

        as("admin").post("/admin/committees/440106/resume").then().statusCode(200).body("suspended", equalTo(false));
        as("admin").body(person("t-" + UUID.randomUUID().toString().substring(0, 8))).post("/committees/440106/members").then().statusCode(201);
        as("admin").post("/admin/committees/999999/suspend").then().statusCode(404);
    }
}
