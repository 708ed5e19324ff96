package org.cppcc.consultation;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.TestClock;
import org.cppcc.platform.testkit.Tokens;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.cppcc.consultation.ActivityTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 身边事好商量: residents sign up without an account, within the places and then in line, with consent, and cancel by
 * their link (the first in line moves up); 发言: a speech submitted before and delivered at the meeting counts once.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ResidentsAndSpeechesTest {

    @Inject
    TestClock clock;

    @BeforeEach
    void rosterKnown() {
        ConsultationTestSupport.rosterKnown();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static String schedule(String form, Instant startsAt, String extra) {
        return as("hp-staff").body("{\"form\":\"" + form + "\",\"title\":\"" + form + "活动\",\"startsAt\":\"" + startsAt
                        + "\",\"location\":\"长洲街社区\"" + extra + "}").post("/committees/440112/activities").then().statusCode(201)
                .extract().path("id");
    }

    /** Anonymous calls from an address of this test's own, as through the platform's proxy: other suites' public calls this minute do not count. */
    private static final String ADDRESS = "203.0.113." + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 255);

    private static io.restassured.specification.RequestSpecification anonymous() {
        return given().header("X-Forwarded-For", ADDRESS);
    }

    private static String key;

    private static io.restassured.response.ValidatableResponse signUp(String committee, String activity, String body) {
        return anonymous().header("X-Sign-Up-Key", key == null ? "none" : key).contentType("application/json").body(body).post("/committees/" + committee + "/public/activities/" + activity + "/registrations")
                .then();
    }

    private static String resident(String name, String phone) {
        return "{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\",\"consent\":true}";
    }

    @Test
    void residentsSignUpWithinThePlacesThenWaitAndCancelByTheirLink() {
        Instant startsAt = Instant.now().plus(Duration.ofDays(5));
        as("hp-staff").body("{\"form\":\"BIMONTHLY\",\"title\":\"x\",\"startsAt\":\"" + startsAt + "\",\"location\":\"y\",\"openToResidents\":true}")
                .post("/committees/440112/activities").then().statusCode(400);
        String activity = schedule("NEIGHBOURHOOD", startsAt, ",\"openToResidents\":true,\"capacity\":2");
        String internal = schedule("NEIGHBOURHOOD", startsAt, "");
        // the key printed on the notice: for the office only; without it (or with another) the activity is not found
        as("hp-member").get("/committees/440112/activities/" + activity + "/sign-up-link").then().statusCode(403);
        as("hp-staff").get("/committees/440112/activities/" + internal + "/sign-up-link").then().statusCode(409);
        key = "0".repeat(32);
        signUp("440112", activity, resident("王阿姨", "13912345678")).statusCode(404);
        key = as("hp-staff").get("/committees/440112/activities/" + activity + "/sign-up-link").then().statusCode(200).extract().path("key");
        assertEquals(32, key.length());
        List<String> open = anonymous().get("/committees/440112/public/activities").then().statusCode(200).extract().jsonPath().getList("id");
        assertTrue(open.contains(activity) && !open.contains(internal), open.toString());

        // consent and a mobile number are required; nothing is kept otherwise
        signUp("440112", activity, "{\"name\":\"王阿姨\",\"phone\":\"13912345678\"}").statusCode(400).contentType("application/problem+json");
        signUp("440112", activity, "{\"name\":\"王阿姨\",\"phone\":\"13912345678\",\"consent\":false}").statusCode(400);
        signUp("440112", activity, "{\"name\":\"王阿姨\",\"phone\":\"12345\",\"consent\":true}").statusCode(400);
        assertEquals(0, as("hp-staff").get("/committees/440112/activities/" + activity + "/registrations").then().statusCode(200)
                .extract().jsonPath().getList("id").size());

        String a = signUp("440112", activity, resident("王阿姨", "13912345678")).statusCode(201).body("status", equalTo("REGISTERED"))
                .extract().path("cancelToken");
        signUp("440112", activity, resident("李大爷", "13912345679")).statusCode(201).body("status", equalTo("REGISTERED"));
        signUp("440112", activity, resident("张先生", "13912345680")).statusCode(201).body("status", equalTo("WAITING"))
                .body("waitingPosition", equalTo(1));
        signUp("440112", activity, resident("王阿姨", "13912345678")).statusCode(409);
        // not an internal activity, not through another committee's address
        signUp("440112", internal, resident("赵女士", "13912345681")).statusCode(404);
        signUp("440100", activity, resident("赵女士", "13912345681")).statusCode(404);
        as("hp-member").get("/committees/440112/activities/" + activity + "/registrations").then().statusCode(403);

        // a cancelled place goes to the first in line; cancelling again changes nothing; an unknown link is not found
        anonymous().header("X-Cancel-Token", a).delete("/committees/440112/public/registrations").then().statusCode(204);
        anonymous().header("X-Cancel-Token", a).delete("/committees/440112/public/registrations").then().statusCode(204);
        anonymous().header("X-Cancel-Token", "0".repeat(48)).delete("/committees/440112/public/registrations").then().statusCode(404);
        anonymous().header("X-Cancel-Token", "not-a-token").delete("/committees/440112/public/registrations").then().statusCode(400);
        anonymous().delete("/committees/440112/public/registrations").then().statusCode(400);
        JsonPath list = as("hp-staff").get("/committees/440112/activities/" + activity + "/registrations").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("李大爷", "张先生", "王阿姨"), list.getList("name"));
        assertEquals(List.of("REGISTERED", "REGISTERED", "CANCELLED"), list.getList("status"));
    }

    @Test
    void aSpeechSubmittedBeforeAndDeliveredAtTheMeetingCountsOnce() {
        Instant startsAt = Instant.now().plus(Duration.ofDays(1));
        String activity = schedule("BIMONTHLY", startsAt, "");
        String base = "/committees/440112/activities/" + activity;
        as("hp-staff").body("{\"usernames\":[\"hp-member\"]}").post(base + "/invitations").then().statusCode(200);
        String speech = "{\"title\":\"关于优化营商环境的发言\",\"text\":\"各位委员……\"}";
        as("hp-member2").body(speech).post(base + "/speeches").then().statusCode(403);
        String id = as("hp-member").body(speech).post(base + "/speeches").then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .extract().path("id");
        as("hp-member").body(speech).post(base + "/speeches").then().statusCode(409);
        assertEquals(List.of(id), as("hp-member").get(base + "/speeches").then().statusCode(200).extract().jsonPath().getList("id"));
        assertEquals(List.of(), as("hp-member2").get(base + "/speeches").then().statusCode(200).extract().jsonPath().getList("id"));

        // a second speech with its slides: a page a browser would run is refused; the file comes back as a download, to the speaker and the office
        String pdf = java.util.Base64.getEncoder().encodeToString("%PDF-1.4 演示文稿".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        as("hp-member").body("{\"title\":\"附页\",\"text\":\"见附件\",\"attachments\":[{\"name\":\"x.html\",\"contentType\":\"text/html\",\"contentBase64\":\"PGI+\"}]}")
                .post(base + "/speeches").then().statusCode(415);
        JsonPath withFile = as("hp-member").body("{\"title\":\"数据附页\",\"text\":\"见附件\",\"attachments\":[{\"name\":\"营商环境数据.pdf\","
                + "\"contentType\":\"application/pdf\",\"contentBase64\":\"" + pdf + "\"}]}").post(base + "/speeches").then().statusCode(200)
                .body("attachments[0].name", equalTo("营商环境数据.pdf")).extract().jsonPath();
        String file = base + "/speeches/" + withFile.getString("id") + "/attachments/" + withFile.getString("attachments[0].id");
        for (String reader : List.of("hp-member", "hp-staff")) {
            byte[] got = as(reader).get(file).then().statusCode(200).header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment"))
                    .extract().asByteArray();
            assertEquals(new String(java.util.Base64.getDecoder().decode(pdf), java.nio.charset.StandardCharsets.UTF_8),
                    new String(got, java.nio.charset.StandardCharsets.UTF_8));
        }
        as("hp-member2").get(file).then().statusCode(404);
        as("gz-member").get(file.replace("440112", "440100")).then().statusCode(404);

        as("hp-staff").post(base + "/speeches/" + id + "/delivered").then().statusCode(409); // not begun
        clock.set(startsAt.plus(Duration.ofMinutes(30)));
        as("hp-staff").post(base + "/speeches/" + id + "/delivered").then().statusCode(409); // attendance not recorded
        as("hp-staff").body("{\"records\":[{\"username\":\"hp-member\",\"participation\":\"ATTENDED\",\"spoke\":false}]}").put(base + "/attendance")
                .then().statusCode(200);
        as("hp-member").post(base + "/speeches/" + id + "/delivered").then().statusCode(403);
        as("hp-staff").post(base + "/speeches/" + id + "/delivered").then().statusCode(200).body("status", equalTo("DELIVERED"));
        as("hp-staff").post(base + "/speeches/" + id + "/delivered").then().statusCode(409);
        String member = Tokens.subject(Tokens.of("hp-member"));
        assertEquals(1, TopicReader.await("consultations.events", e -> activity.equals(e.path("subject").asText())
                && "SPOKE".equals(e.at("/data/participation").asText()) && member.equals(e.at("/data/userId").asText()), 1,
                Duration.ofSeconds(30)).size());
        assertEquals(true, as("hp-staff").get(base + "/participants").then().extract().jsonPath().getBoolean("find { it.username == 'hp-member' }.spoke"));
    }
}
