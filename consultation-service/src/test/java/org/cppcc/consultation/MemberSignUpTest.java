package org.cppcc.consultation;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.Tokens;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.cppcc.consultation.ActivityTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 报名: members sign up within the places, then wait in line; a withdrawal gives the place to the first in line; two at
 * once never overfill it. 改期: a move is announced with the old time and place, and a begun activity is not moved.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class MemberSignUpTest {

    @jakarta.inject.Inject
    org.cppcc.platform.testkit.TestClock clock;

    @BeforeEach
    void rosterKnown() {
        ConsultationTestSupport.rosterKnown();
    }

    @org.junit.jupiter.api.AfterEach
    void realTime() {
        clock.reset();
    }

    private static String schedule(String extra) {
        return as("hp-staff").body("{\"form\":\"TOGETHER\",\"title\":\"一起来商量：老旧小区改造\",\"startsAt\":\""
                        + Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.SECONDS) + "\",\"location\":\"区政协会议室\"" + extra + "}")
                .post("/committees/440112/activities").then().statusCode(201).extract().path("id");
    }

    private static JsonNode event(String subject, String type, String userId) {
        return TopicReader.await("consultations.events", e -> subject.equals(e.path("subject").asText())
                && ("org.cppcc.consultations." + type + ".v1").equals(e.path("type").asText())
                && (userId == null || userId.equals(e.path("data").path("userId").asText())), 1, Duration.ofSeconds(30)).get(0).path("data");
    }

    @Test
    void membersSignUpWithinThePlacesThenWaitAndTheFirstInLineMovesUp() {
        String closed = schedule("");
        as("hp-member").post("/committees/440112/activities/" + closed + "/sign-up").then().statusCode(409);

        String activity = schedule(",\"openToMembers\":true,\"capacity\":1");
        String base = "/committees/440112/activities/" + activity;
        as("hp-staff").post(base + "/sign-up").then().statusCode(403);
        as("hp-member").post(base + "/sign-up").then().statusCode(200).body("status", equalTo("REGISTERED"));
        as("hp-member").post(base + "/sign-up").then().statusCode(409);
        as("hp-member2").post(base + "/sign-up").then().statusCode(200).body("status", equalTo("WAITING")).body("position", equalTo(1));
        // the registered one takes part as if invited and accepted (the invitation is announced: 履职 and the reminder follow)
        String member = Tokens.subject(Tokens.of("hp-member"));
        String member2 = Tokens.subject(Tokens.of("hp-member2"));
        assertEquals("INVITED", event(activity, "ParticipationRecorded", member).path("participation").asText());
        JsonPath participants = as("hp-staff").get(base + "/participants").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("hp-member"), participants.getList("username"));
        assertEquals("ACCEPTED", participants.getString("[0].answer"));
        as("hp-member").get(base + "/member-registrations").then().statusCode(403);
        as("gz-staff").get(base.replace("440112", "440100") + "/member-registrations").then().statusCode(403);

        // the registered member withdraws: it reads as leave to the office, and the first in line moves up
        as("hp-member").delete(base + "/sign-up").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        assertEquals("LEAVE_REQUESTED", event(activity, "InvitationAnswered", member).path("answer").asText());
        as("hp-member2").get(base + "/sign-up").then().statusCode(200).body("status", equalTo("REGISTERED"));
        assertEquals("INVITED", event(activity, "ParticipationRecorded", member2).path("participation").asText());
        JsonPath list = as("hp-staff").get(base + "/member-registrations").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("hp-member2", "hp-member"), list.getList("username"));
        assertEquals(List.of("REGISTERED", "WITHDRAWN"), list.getList("status"));
        // signing up again: at the end of the line (the place is taken); moving up again, they take part again, and say so
        as("hp-member").post(base + "/sign-up").then().statusCode(200).body("status", equalTo("WAITING"));
        as("hp-member2").delete(base + "/sign-up").then().statusCode(200);
        as("hp-member").get(base + "/sign-up").then().statusCode(200).body("status", equalTo("REGISTERED"));
        TopicReader.await("consultations.events", e -> activity.equals(e.path("subject").asText())
                && e.path("type").asText().endsWith("InvitationAnswered.v1") && member.equals(e.path("data").path("userId").asText())
                && "ACCEPTED".equals(e.path("data").path("answer").asText()), 1, Duration.ofSeconds(30));
        assertEquals("ACCEPTED", as("hp-staff").get(base + "/participants").then().extract().jsonPath()
                .getString("find { it.username == 'hp-member' }.answer"));
        as("hp-member").delete(base + "/sign-up").then().statusCode(200);
        as("hp-member").delete(base + "/sign-up").then().statusCode(404);
    }

    @Test
    void twoSigningUpAtOnceForTheLastPlaceOneGetsItTheOtherWaits() {
        String activity = schedule(",\"openToMembers\":true,\"capacity\":1");
        String base = "/committees/440112/activities/" + activity;
        List<CompletableFuture<String>> both = List.of("hp-member", "hp-member2").stream()
                .map(u -> CompletableFuture.supplyAsync(() -> as(u).post(base + "/sign-up").then().statusCode(200).extract().<String>path("status")))
                .toList();
        assertEquals(List.of("REGISTERED", "WAITING"), both.stream().map(CompletableFuture::join).sorted().toList());
        assertEquals(1, as("hp-staff").get(base + "/participants").then().statusCode(200).extract().jsonPath().getList("username").size());
    }

    @Test
    void aMoveIsAnnouncedWithTheOldTimeAndPlaceAndABegunActivityIsNotMoved() {
        String activity = schedule("");
        String base = "/committees/440112/activities/" + activity;
        JsonPath before = as("hp-staff").get(base).then().statusCode(200).extract().jsonPath();
        Instant later = Instant.parse(before.getString("startsAt")).plus(Duration.ofDays(2));
        String move = "{\"startsAt\":\"" + later + "\",\"location\":\"区政协二楼会议室\",\"reason\":\"与区人大会议时间冲突\"}";
        as("hp-member").body(move).post(base + "/reschedule").then().statusCode(403);
        as("hp-staff").body("{\"reason\":\"无变化\"}").post(base + "/reschedule").then().statusCode(400);
        as("hp-staff").body(move).header("If-Match", String.valueOf(before.getLong("version") + 5)).post(base + "/reschedule").then().statusCode(409);
        as("hp-staff").body(move).header("If-Match", String.valueOf(before.getLong("version"))).post(base + "/reschedule").then().statusCode(200)
                .body("location", equalTo("区政协二楼会议室"));
        JsonNode moved = event(activity, "ActivityRescheduled", null);
        assertEquals(List.of(later, Instant.parse(before.getString("startsAt")), "区政协会议室", "与区人大会议时间冲突"),
                List.of(Instant.parse(moved.path("startsAt").asText()), Instant.parse(moved.path("previousStartsAt").asText()),
                        moved.path("previousLocation").asText(), moved.path("reason").asText()));
        // into the past: refused, and nothing changes
        as("hp-staff").body("{\"startsAt\":\"2020-01-01T00:00:00Z\",\"reason\":\"x\"}").post(base + "/reschedule").then().statusCode(400);
        as("hp-staff").get(base).then().body("location", equalTo("区政协二楼会议室"));
        // once it has begun, it is held where and when it is
        clock.set(later.plus(Duration.ofMinutes(10)));
        as("hp-staff").body("{\"location\":\"线上\",\"reason\":\"x\"}").post(base + "/reschedule").then().statusCode(409);
    }
}
