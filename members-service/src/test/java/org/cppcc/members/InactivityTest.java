package org.cppcc.members;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.TestClock;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.cppcc.members.MembersTestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Members with nothing recorded for the committee's inactivity period are listed, and staff can warn them. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class InactivityTest {

    @Inject
    TestClock clock;

    @BeforeEach
    void committees() {
        MembersTestSupport.demoCommittees();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static List<String> inactive() {
        return as("admin").get("/committees/440000/performance/inactive").then().statusCode(200).extract().jsonPath().getList("memberId");
    }

    @Test
    void aMemberWithNothingRecordedForTheInactivityPeriodIsListedAndWarned() {
        String username = "quiet-" + UUID.randomUUID().toString().substring(0, 6);
        String id = as("admin").body("{\"username\":\"" + username + "\",\"name\":\"沈默\"}").post("/committees/440000/members")
                .then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> as("admin").get("/committees/440000/members/" + id).then().extract()
                .path("userId") != null);
        assertFalse(inactive().contains(id), "a newcomer has the inactivity period before they count as inactive");

        clock.set(Instant.now().plus(Duration.ofDays(200))); // default rules: inactive after 180 days without an entry
        assertTrue(inactive().contains(id));
        as("gd-staff").post("/committees/440000/performance/inactive/warnings").then().statusCode(403); // the office reads, leaders warn
        int warned = as("admin").post("/committees/440000/performance/inactive/warnings").then().statusCode(200).extract().path("warned");
        assertTrue(warned >= 1);
        var events = TopicReader.await("members.events", e -> id.equals(e.path("subject").asText())
                && e.path("type").asText().endsWith("InactivityWarned.v1"), 1, Duration.ofSeconds(30));
        assertEquals(200, events.get(0).at("/data/daysWithoutActivity").asInt(), 1);
    }
}
