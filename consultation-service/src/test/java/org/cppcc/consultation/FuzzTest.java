package org.cppcc.consultation;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.DemoCommittees;
import org.cppcc.platform.testkit.OpenApiFuzzer;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Malformed requests to every operation of consultation-service, as the office and as a member ({@link OpenApiFuzzer}). */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class FuzzTest {

    @Test
    void badInputNeverFailsTheServiceAndIsAlwaysAProblem() {
        DemoCommittees.announce();
        String[] activity = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var r = given().auth().oauth2(Tokens.of("hp-staff")).contentType("application/json").body(ActivityTest.ACTIVITY)
                    .post("/committees/440112/activities");
            activity[0] = r.statusCode() == 201 ? r.path("id") : null;
            return activity[0] != null;
        });
        OpenApiFuzzer.Report report = new OpenApiFuzzer("440112", List.of("hp-staff", "hp-member2"), Map.of("activities", activity[0])).run();
        System.out.println("[fuzz] consultation-service: " + report.summary());
        assertEquals(List.of(), report.failures());
    }
}
