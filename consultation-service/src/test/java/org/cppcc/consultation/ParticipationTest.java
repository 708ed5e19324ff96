package org.cppcc.consultation;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.Tokens;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.cppcc.consultation.ActivityTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Invitations and attendance become ParticipationRecorded events, once each (members-service scores them). */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ParticipationTest {

    @BeforeEach
    void rosterKnown() {
        ConsultationTestSupport.rosterKnown();
    }

    private static String schedule(String startsAt) {
        return as("hp-staff").body("""
                {"form":"RESEARCH","title":"加装电梯专题调研","startsAt":"%s","location":"黄埔区长洲街"}""".formatted(startsAt))
                .post("/committees/440112/activities").then().statusCode(201).extract().path("id");
    }

    /** Outbox rows about this activity not yet acknowledged by Kafka. */
    private static int unpublished(String activity) throws java.sql.SQLException {
        try (var db = java.sql.DriverManager.getConnection(org.cppcc.platform.testkit.TestPlatform.jdbcUrl(), "service", "service");
             var st = db.prepareStatement("select count(*) from outbox_event where message_key = ? and published_at is null")) {
            st.setString(1, activity);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static List<String> participations(String activity, int atLeast) {
        return TopicReader.await("consultations.events", e -> activity.equals(e.path("subject").asText())
                        && e.path("type").asText().endsWith("ParticipationRecorded.v1"), atLeast, Duration.ofSeconds(30))
                .stream().map(e -> e.at("/data/participation").asText() + ":" + e.at("/data/userId").asText()).sorted().toList();
    }

    @Test
    void invitationsAndAttendanceAreAnnouncedOnceEach() {
        String activity = schedule("2026-02-10T09:30:00+08:00");
        String invite = "{\"usernames\":[\"hp-member\",\"hp-member2\"]}";
        as("hp-staff").body(invite).post("/committees/440112/activities/" + activity + "/invitations").then().statusCode(200)
                .body("size()", equalTo(2));
        as("hp-staff").body(invite).post("/committees/440112/activities/" + activity + "/invitations").then().statusCode(200);
        String attendance = """
                {"records":[{"username":"hp-member","participation":"ATTENDED","spoke":true},
                            {"username":"hp-member2","participation":"ABSENT_WITH_LEAVE"}]}""";
        as("hp-staff").body(attendance).put("/committees/440112/activities/" + activity + "/attendance").then().statusCode(200)
                .body("find { it.username == 'hp-member' }.status", equalTo("ATTENDED"))
                .body("find { it.username == 'hp-member' }.spoke", equalTo(true));
        as("hp-staff").body(attendance).put("/committees/440112/activities/" + activity + "/attendance").then().statusCode(200);

        String m1 = Tokens.subject(Tokens.of("hp-member"));
        String m2 = Tokens.subject(Tokens.of("hp-member2"));
        // every event this activity's requests wrote is on Kafka now (so a duplicate would be there too)
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(activity) == 0);
        assertEquals(java.util.stream.Stream.of("ABSENT_WITH_LEAVE:" + m2, "ATTENDED:" + m1, "INVITED:" + m1, "INVITED:" + m2, "SPOKE:" + m1)
                .sorted().toList(), participations(activity, 5));
        as("hp-staff").body("{\"records\":[{\"username\":\"hp-member2\",\"participation\":\"ATTENDED\"}]}")
                .put("/committees/440112/activities/" + activity + "/attendance").then().statusCode(409)
                .contentType("application/problem+json");

        // 更正: the office corrects a recorded attendance with its reason; the correction is announced (履职 follows)
        String correction = "/committees/440112/activities/" + activity + "/attendance/%s/correction";
        as("hp-staff").body("{\"participation\":\"ATTENDED\"}").put(correction.formatted("hp-member2")).then().statusCode(400);
        as("hp-member2").body("{\"participation\":\"ATTENDED\",\"reason\":\"x\"}").put(correction.formatted("hp-member2")).then().statusCode(403);
        as("hp-staff").body("{\"participation\":\"ABSENT_WITHOUT_LEAVE\",\"reason\":\"签到有误\"}").put(correction.formatted("hp-member"))
                .then().statusCode(409); // spoke: attended
        as("hp-staff").body("{\"participation\":\"ABSENT_WITH_LEAVE\",\"reason\":\"x\"}").put(correction.formatted("hp-member2"))
                .then().statusCode(409); // no change
        as("hp-staff").body("{\"participation\":\"ATTENDED\",\"reason\":\"实际到会，签到表漏记\"}").put(correction.formatted("hp-member2"))
                .then().statusCode(200).body("status", equalTo("ATTENDED"));
        var corrected = TopicReader.await("consultations.events", e -> activity.equals(e.path("subject").asText())
                && e.path("type").asText().endsWith("ParticipationCorrected.v1"), 1, Duration.ofSeconds(30)).get(0).path("data");
        assertEquals(List.of(m2, "ABSENT_WITH_LEAVE", "ATTENDED", "实际到会，签到表漏记"), List.of(corrected.path("userId").asText(),
                corrected.path("from").asText(), corrected.path("to").asText(), corrected.path("reason").asText()));
    }

    /** Guests without an account: the least data, their attendance once it has begun; not a member's business. */
    @Test
    void guestsAreInvitedWithTheLeastDataAndTheirAttendanceTaken() {
        String activity = schedule("2026-04-10T09:30:00+08:00");
        String base = "/committees/440112/activities/" + activity + "/guests";
        as("hp-staff").body("{\"name\":\"王教授\",\"organisation\":\"中山大学\",\"kind\":\"PROFESSOR\"}").post(base).then().statusCode(400);
        as("hp-member").body("{\"name\":\"王教授\",\"organisation\":\"中山大学\",\"kind\":\"EXPERT\"}").post(base).then().statusCode(403);
        String guest = as("hp-staff").body("{\"name\":\"王教授\",\"organisation\":\"中山大学\",\"kind\":\"EXPERT\"}").post(base).then()
                .statusCode(200).body("phone", equalTo(null)).extract().path("id");
        as("hp-staff").body("{\"name\":\"李局长\",\"organisation\":\"区住建局\",\"kind\":\"OFFICIAL\",\"phone\":\"02082000000\"}").post(base)
                .then().statusCode(200);
        as("hp-staff").body("{\"attended\":true}").put(base + "/" + guest + "/attendance").then().statusCode(200).body("attended", equalTo(true));
        as("hp-staff").body("{\"attended\":true}").put(base + "/" + UUID.randomUUID() + "/attendance").then().statusCode(404);
        as("hp-member").get(base).then().statusCode(403);
        assertEquals(List.of("王教授", "李局长"), as("hp-staff").get(base).then().statusCode(200).extract().jsonPath().getList("name"));
        String future = schedule("2030-02-01T09:30:00+08:00");
        String later = as("hp-staff").body("{\"name\":\"赵委员\",\"organisation\":\"民盟区委\",\"kind\":\"PARTY_GUEST\"}")
                .post("/committees/440112/activities/" + future + "/guests").then().statusCode(200).extract().path("id");
        as("hp-staff").body("{\"attended\":true}").put("/committees/440112/activities/" + future + "/guests/" + later + "/attendance").then()
                .statusCode(409);
    }

    @Test
    void badAttendanceIsRejectedAndChangesNothing() {
        String activity = schedule("2026-03-10T09:30:00+08:00");
        as("hp-staff").body("{\"usernames\":[\"hp-member\",\"nobody-" + UUID.randomUUID() + "\"]}")
                .post("/committees/440112/activities/" + activity + "/invitations").then().statusCode(400);
        as("hp-staff").get("/committees/440112/activities/" + activity + "/participants").then().statusCode(200).body("size()", equalTo(0));
        as("hp-staff").body("{\"usernames\":[\"hp-member\"]}").post("/committees/440112/activities/" + activity + "/invitations")
                .then().statusCode(200);
        as("hp-staff").body("{\"records\":[{\"username\":\"hp-member2\",\"participation\":\"ATTENDED\"}]}")
                .put("/committees/440112/activities/" + activity + "/attendance").then().statusCode(400); // not invited
        as("hp-staff").body("{\"records\":[{\"username\":\"hp-member\",\"participation\":\"ABSENT_WITHOUT_LEAVE\",\"spoke\":true}]}")
                .put("/committees/440112/activities/" + activity + "/attendance").then().statusCode(400);
        as("hp-member").body("{\"records\":[{\"username\":\"hp-member\",\"participation\":\"ATTENDED\"}]}")
                .put("/committees/440112/activities/" + activity + "/attendance").then().statusCode(403);
        as("hp-staff").get("/committees/440112/activities/" + activity + "/participants").then().body("[0].status", equalTo("INVITED"));

        String future = schedule("2030-01-01T09:30:00+08:00");
        as("hp-staff").body("{\"usernames\":[\"hp-member\"]}").post("/committees/440112/activities/" + future + "/invitations")
                .then().statusCode(200);
        as("hp-staff").body("{\"records\":[{\"username\":\"hp-member\",\"participation\":\"ATTENDED\"}]}")
                .put("/committees/440112/activities/" + future + "/attendance").then().statusCode(409);
        as("gz-staff").get("/committees/440112/activities/" + activity + "/participants").then().statusCode(403);
    }
}
