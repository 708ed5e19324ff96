package org.cppcc.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.cppcc.notifications.inbox.InboxStream;
import org.cppcc.platform.infra.KeycloakServer;
import org.cppcc.platform.testkit.DemoCommittees;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live inbox over server-sent events: to its reader only, with event ids, catching up on reconnect, ending with the token. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LiveStreamTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    InboxStream stream;

    @BeforeEach
    void committees() {
        DemoCommittees.announce();
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(Tokens.of("hp-staff"))
                .get("/committees/440112/deliveries").statusCode() == 200
                && given().auth().oauth2(Tokens.of("gz-staff")).get("/committees/440100/deliveries").statusCode() == 200);
    }

    /** An open stream: its lines are read on another thread into events (id, data). */
    record Sse(HttpResponse<InputStream> response, List<String[]> events, CompletableFuture<Void> ended) {
        String[] awaitEvent(java.util.function.Predicate<String[]> match) {
            await().atMost(Duration.ofSeconds(30)).until(() -> { synchronized (events) { return events.stream().anyMatch(match); } });
            synchronized (events) {
                return events.stream().filter(match).findFirst().orElseThrow();
            }
        }

        List<String[]> snapshot() {
            synchronized (events) {
                return List.copyOf(events);
            }
        }
    }

    Sse open(String token, String lastEventId) throws Exception {
        int before = stream.connections();
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + io.restassured.RestAssured.port + "/me/notifications/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            r.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        List<String[]> events = new ArrayList<>();
        CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String id = null;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("data:")) {
                        synchronized (events) {
                            events.add(new String[]{id, line.substring(5).strip()});
                        }
                    }
                }
            } catch (java.io.IOException e) {
                // the connection was closed under us: the stream has ended
            }
        });
        // the connection is registered before the response starts: from here on nothing is missed
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.connections() > before);
        return new Sse(response, events, ended);
    }

    static String submitted(String committee, String title) {
        String proposal = UUID.randomUUID().toString();
        Events.publish("proposals.events", proposal, Events.proposalSubmitted(committee, proposal, Tokens.subject(Tokens.of("hp-member")), title));
        return proposal;
    }

    @Test
    void newNotificationsReachTheirReaderOnlyWithTheirIds() throws Exception {
        Sse huangpu = open(Tokens.of("hp-staff"), null);
        Sse guangzhou = open(Tokens.of("gz-staff"), null);
        String proposal = submitted("440112", "实时推送测试");
        String[] event = huangpu.awaitEvent(e -> e[1].contains(proposal));
        assertTrue(event[1].contains("新提案待审查"));
        assertEquals(event[0], new ObjectMapper().readTree(event[1]).get("id").asText(), "the event id is the notification's id");

        // 广州's staff: their own item arrives, 黄埔's never did (what came before it on the stream is all there was)
        String theirs = submitted("440100", "广州的提案");
        guangzhou.awaitEvent(e -> e[1].contains(theirs));
        assertTrue(guangzhou.snapshot().stream().noneMatch(e -> e[1].contains(proposal)), "广州's staff never see 黄埔's item");
        huangpu.ended().cancel(true);
        guangzhou.ended().cancel(true);
        given().get("/me/notifications/stream").then().statusCode(401);
    }

    @Test
    void aReconnectingClientFirstReceivesWhatItMissed() throws Exception {
        String before = submitted("440112", "断线之前");
        Sse first = open(Tokens.of("hp-staff"), null);
        String lastSeen = first.awaitEvent(e -> e[1].contains(before))[0];
        first.response().body().close();

        // while the app is away
        String missed1 = submitted("440112", "断线期间一");
        String missed2 = submitted("440112", "断线期间二");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.of("hp-staff")).get("/me/notifications?limit=20")
                .then().extract().jsonPath().getList("items.link").toString().contains(missed2));

        Sse again = open(Tokens.of("hp-staff"), lastSeen);
        again.awaitEvent(e -> e[1].contains(missed2));
        List<String[]> got = again.snapshot();
        int i1 = indexOf(got, missed1);
        int i2 = indexOf(got, missed2);
        assertTrue(i1 >= 0 && i1 < i2, "missed items first, oldest first");
        assertTrue(got.stream().noneMatch(e -> e[1].contains(before)), "nothing the client had already seen");
        again.ended().cancel(true);

        given().auth().oauth2(Tokens.of("hp-staff")).header("Last-Event-ID", "not-an-id").get("/me/notifications/stream")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static int indexOf(List<String[]> events, String text) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i)[1].contains(text)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theStreamEndsWhenTheTokenExpires() throws Exception {
        String token;
        setAccessTokenLifespan(5);
        try {
            token = Tokens.fetch(PlatformTestResource.keycloak().realmUrl(), "hp-staff", Tokens.DEMO_PASSWORD);
        } finally {
            setAccessTokenLifespan(900);
        }
        Sse sse = open(token, null);
        sse.ended().get(30, TimeUnit.SECONDS); // the server closes it: the rights it was opened with are over
        assertTrue(sse.ended().isDone());
    }

    /** Through Keycloak's admin API with the bootstrap administrator (tests only). */
    private static void setAccessTokenLifespan(int seconds) throws Exception {
        String kc = PlatformTestResource.keycloak().url();
        String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(KeycloakServer.BOOTSTRAP_ADMIN, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(KeycloakServer.BOOTSTRAP_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> t = HTTP.send(HttpRequest.newBuilder(URI.create(kc + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        String admin = new ObjectMapper().readTree(t.body()).get("access_token").asText();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(kc + "/admin/realms/cppcc"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"accessTokenLifespan\":" + seconds + "}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, r.statusCode(), r.body());
    }
}
