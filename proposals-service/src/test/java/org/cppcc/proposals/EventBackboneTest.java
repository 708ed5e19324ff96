package org.cppcc.proposals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.cppcc.platform.outbox.OutboxRelay;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.TestPlatform;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.cppcc.proposals.ProposalsTestSupport.as;
import static org.cppcc.proposals.ProposalsTestSupport.proposal;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event backbone under faults: a row Kafka refuses is parked, not a wall; one relay publishes at a time;
 * a consumer rides out a database outage; dead letters are listed with their reason and replayed once.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class EventBackboneTest {

    @Inject
    EntityManager em;

    @Inject
    OutboxRelay relay;

    @Inject
    org.cppcc.platform.retention.Retention retention;

    @BeforeEach
    void setUp() {
        ProposalsTestSupport.committeesAnnounced();
    }

    /** One value from the service's database (from any thread: Hibernate needs a request context for its tenant). */
    private Object column(String sql, Object param) {
        var requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                List<?> r = em.createNativeQuery(sql).setParameter(1, param).getResultList();
                return r.isEmpty() ? null : r.get(0);
            });
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    @Test
    void anEventKafkaRefusesIsParkedWhileLaterEventsFlow() {
        UUID bad = UUID.randomUUID();
        // 2 MB: above the producer's largest request, so Kafka refuses it every time
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into outbox_event (id, topic, message_key, type, committee, "
                        + "payload, created_at) values (?1, 'proposals.events', ?2, 'test.TooLarge.v1', '440112', repeat('x', 2000000), now())")
                .setParameter(1, bad).setParameter(2, bad.toString()).executeUpdate());
        relay.wakeUp();
        String id = as("hp-member").body(proposal("大事件之后的提案")).post("/committees/440112/proposals").then().statusCode(201)
                .extract().path("id");
        List<JsonNode> events = TopicReader.await("proposals.events", e -> id.equals(e.path("subject").asText()), 1, Duration.ofSeconds(60));
        assertEquals(1, events.size(), "the event written after the refused one still reaches Kafka");

        await().atMost(Duration.ofSeconds(60)).until(() -> column("select parked_at from outbox_event where id = ?1", bad) != null);
        assertEquals(5, ((Number) column("select attempts from outbox_event where id = ?1", bad)).intValue(), "attempts are kept, not rolled back");
        assertTrue(String.valueOf(column("select last_error from outbox_event where id = ?1", bad)).contains("RecordTooLarge"));

        as("admin").get("/admin/outbox/parked").then().statusCode(200).body("id", hasItem(bad.toString()))
                .body("find { it.id == '" + bad + "' }.lastError", containsString("RecordTooLarge"));
        as("hp-staff").get("/admin/outbox/parked").then().statusCode(403).contentType("application/problem+json");
        given().get("/q/health/ready").then().body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.data.parked", notNullValue());
        given().get("/q/metrics").then().body(containsString("cppcc_outbox_parked")).body(containsString("cppcc_outbox_oldest_age_seconds"));

        // replayed: back in line with its attempts reset (and, still too large, parked again)
        as("admin").post("/admin/outbox/" + bad + "/replay").then().statusCode(204);
        as("admin").post("/admin/outbox/" + UUID.randomUUID() + "/replay").then().statusCode(404);
        await().atMost(Duration.ofSeconds(60)).until(() -> column("select parked_at from outbox_event where id = ?1", bad) != null);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from outbox_event where id = ?1").setParameter(1, bad).executeUpdate());
    }

    @Test
    void whileAnotherInstanceRelaysThisOnePublishesNothing() throws Exception {
        String id;
        try (Connection other = DriverManager.getConnection(TestPlatform.jdbcUrl(), "service", "service")) {
            other.setAutoCommit(false);
            try (Statement st = other.createStatement()) {
                st.execute("select pg_advisory_xact_lock(" + OutboxRelay.RELAY_LOCK + ")");
            }
            id = as("hp-member").body(proposal("另一实例转发期间")).post("/committees/440112/proposals").then().statusCode(201)
                    .extract().path("id");
            var requestContext = Arc.container().requestContext();
            requestContext.activate();
            try {
                assertEquals(0, relay.relayBatch(), "the lock is held elsewhere: this relay stands by");
            } finally {
                requestContext.terminate();
            }
            assertEquals(null, column("select published_at from outbox_event where message_key = ?1", id));
            other.commit();
        }
        assertEquals(1, TopicReader.await("proposals.events", e -> id.equals(e.path("subject").asText()), 1, Duration.ofSeconds(60)).size(),
                "once the other relay lets go, this one publishes");
    }

    @Test
    void aConsumerRidesOutADatabaseOutage() throws Exception {
        String username = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        double retriesBefore = retries();
        try (Connection admin = DriverManager.getConnection(TestPlatform.jdbcUrl().replaceAll("/[^/]+$", "/postgres"), "postgres", "postgres");
             Statement st = admin.createStatement()) {
            st.execute("alter role service nologin");
            st.execute("select pg_terminate_backend(pid) from pg_stat_activity where usename = 'service'");
            try {
                TopicReader.publish("members.events", username, memberJoined(UUID.randomUUID().toString(), username));
                // the consumer fails and retries (no sleeping here: the retry counter tells)
                await().atMost(Duration.ofSeconds(60)).until(() -> retries() > retriesBefore);
                as("hp-member").get("/committees/440112/proposals").then().statusCode(503).contentType("application/problem+json")
                        .header("Retry-After", notNullValue());
            } finally {
                st.execute("alter role service login");
            }
        }
        // back: the member reached the roster, so a joint proposal may invite them
        await().atMost(Duration.ofSeconds(120)).until(() -> as("hp-member").body(joint(username)).post("/committees/440112/proposals")
                .statusCode() == 201);
    }

    @Test
    void deadLettersAreListedWithTheirReasonAndReplayedOnce() {
        // a poison message: dead-lettered at once, with why
        String poisonKey = "poison-" + UUID.randomUUID();
        TopicReader.publish("members.events", poisonKey, "not a CloudEvent");
        await().atMost(Duration.ofSeconds(60)).until(() -> as("admin").get("/admin/dead-letters").then().extract().jsonPath()
                .getList("findAll { it.key == '" + poisonKey + "' }").size() == 1);
        as("admin").get("/admin/dead-letters").then().statusCode(200)
                .body("find { it.key == '" + poisonKey + "' }.reason.reason", containsString("not a CloudEvent"));
        as("hp-staff").get("/admin/dead-letters").then().statusCode(403);

        // an event the consumer gave up on (as after a long outage), replayed after the fix: one effect
        String username = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        String eventId = UUID.randomUUID().toString();
        TopicReader.publish("dlq.proposals-service.members.events", username, memberJoined(eventId, username),
                Map.of("dead-letter-reason", "database unavailable", "dead-letter-topic", "members.events"));
        as("hp-member").body(joint(username)).post("/committees/440112/proposals").then().statusCode(400);
        await().atMost(Duration.ofSeconds(30)).until(() -> as("admin").get("/admin/dead-letters").then().extract().jsonPath()
                .getString("find { it.eventId == '" + eventId + "' }.id") != null);
        String deadLetter = as("admin").get("/admin/dead-letters").then().extract().jsonPath().getString("find { it.eventId == '" + eventId + "' }.id");
        as("admin").get("/admin/dead-letters/" + deadLetter).then().statusCode(200).body("payload", containsString(username))
                .body("reason.reason", equalTo("database unavailable"));
        as("admin").post("/admin/dead-letters/" + deadLetter + "/replay").then().statusCode(200).body("eventId", equalTo(eventId));
        as("admin").post("/admin/dead-letters/" + deadLetter + "/replay").then().statusCode(409);
        await().atMost(Duration.ofSeconds(60)).until(() -> as("hp-member").body(joint(username)).post("/committees/440112/proposals")
                .statusCode() == 201);
        as("admin").get("/admin/dead-letters").then().body("find { it.eventId == '" + eventId + "' }.replayed", equalTo(true));
        assertEquals(1, ((Number) column("select count(*) from processed_event where event_id = ?1", eventId)).intValue(),
                "processed once");
    }

    @Test
    void bookkeepingIsPrunedOnceItNoLongerServes() {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into processed_event (consumer, event_id, processed_at) values ('test', ?1, now() - interval '31 days'), "
                    + "('test', ?2, now() - interval '29 days')").setParameter(1, old).setParameter(2, recent).executeUpdate();
            em.createNativeQuery("insert into idempotency_record (scope, idem_key, created_at) values ('test', ?1, now() - interval '8 days'), "
                    + "('test', ?2, now() - interval '6 days')").setParameter(1, old).setParameter(2, recent).executeUpdate();
        });
        assertTrue(retention.pruneNow() >= 2);
        assertEquals(null, column("select event_id from processed_event where event_id = ?1", old));
        assertEquals(recent, column("select event_id from processed_event where event_id = ?1", recent));
        assertEquals(null, column("select idem_key from idempotency_record where idem_key = ?1", old));
        assertEquals(recent, column("select idem_key from idempotency_record where idem_key = ?1", recent));
    }

    static String joint(String cosigner) {
        return "{\"title\":\"联名\",\"body\":\"正文\",\"publishConsent\":true,\"kind\":\"JOINT\",\"coSigners\":[\"" + cosigner + "\"]}";
    }

    static String memberJoined(String eventId, String username) {
        String userId = UUID.randomUUID().toString();
        return """
                {"specversion":"1.0","id":"%s","source":"/cppcc/members-service","type":"org.cppcc.members.MemberJoined.v1",
                 "subject":"m-%s","time":"2026-11-22T08:00:00Z","committee":"440112",
                 "data":{"memberId":"m-%s","userId":"%s","username":"%s","name":"测试委员","sector":"经济界","email":null,"mobile":null}}"""
                .formatted(eventId, userId, userId, userId, username);
    }

    /** Fault Tolerance's count of retries of the consumers' event handling. */
    static double retries() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("ft_retry_retries_total") && l.contains("EventProcessor"))
                .map(l -> Double.valueOf(l.substring(l.lastIndexOf(" ") + 1))).reduce(0.0, Double::sum);
    }
}
