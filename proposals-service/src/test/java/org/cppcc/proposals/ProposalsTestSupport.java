package org.cppcc.proposals;

import io.restassured.specification.RequestSpecification;
import org.cppcc.platform.testkit.DemoCommittees;
import org.cppcc.platform.testkit.Tokens;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Shared steps of this module's tests. */
public final class ProposalsTestSupport {

    private static volatile boolean committeesKnown;

    private ProposalsTestSupport() {
    }

    /** Announces the demo committees on Kafka and waits until the service's consumer has them. */
    public static synchronized void committeesAnnounced() {
        if (committeesKnown) {
            return;
        }
        DemoCommittees.announce();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                DemoCommittees.TREE.stream().allMatch(c -> as("hp-member").get("/committees/" + c.code() + "/proposals").statusCode() != 404));
        committeesKnown = true;
    }

    private static volatile boolean supervisorsKnown;

    /**
     * Announces 黄埔区's leaders (hp-leader) and special committees on members.events as members-service does when they
     * are staffed and listed, and waits until the service has them. Fixed event ids: a second call is a redelivery.
     */
    public static synchronized void supervisorsAnnounced() {
        committeesAnnounced();
        if (supervisorsKnown) {
            return;
        }
        String leaderId = org.cppcc.platform.testkit.Tokens.subject(org.cppcc.platform.testkit.Tokens.of("hp-leader"));
        org.cppcc.platform.testkit.TopicReader.publish("members.events", "440112", """
                {"specversion":"1.0","id":"demo-leaders-440112","source":"/cppcc/members-service","type":"org.cppcc.members.LeadersChanged.v1",
                 "subject":"440112","time":"2026-01-01T00:00:00Z","datacontenttype":"application/json","committee":"440112",
                 "data":{"leaders":[{"userId":"%s","username":"hp-leader","name":"林国栋"}]}}""".formatted(leaderId));
        org.cppcc.platform.testkit.TopicReader.publish("members.events", "440112", """
                {"specversion":"1.0","id":"demo-special-committees-440112","source":"/cppcc/members-service",
                 "type":"org.cppcc.members.SpecialCommitteesChanged.v1","subject":"440112","time":"2026-01-01T00:00:00Z",
                 "datacontenttype":"application/json","committee":"440112","data":{"names":["提案委员会","经济科技委员会"]}}""");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                as("hp-staff").get("/committees/440112/supervisors").jsonPath().getList("ref").size() == 3);
        supervisorsKnown = true;
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/json");
    }

    public static String proposal(String title) {
        return """
                {"title":"%s","body":"建议加快黄埔区科技企业孵化器建设，完善配套政策。","publishConsent":true}""".formatted(title);
    }

    /**
     * Runs a test in a session of 黄埔区 of its own (term, session), so that a session's figures are only its own;
     * the committee's settings are put back afterwards, whatever happens.
     */
    public interface Body {
        void run() throws Exception;
    }

    public static void inSessionOf440112(int term, int session, Body test) {
        io.restassured.path.json.JsonPath current = as("hp-staff").get("/committees/440112/proposal-settings").then().statusCode(200)
                .extract().jsonPath();
        java.util.Map<String, Object> before = new java.util.HashMap<>();
        for (String k : java.util.List.of("term", "session", "deadlineDays", "returnWindowDays")) {
            before.put(k, current.get(k));
        }
        java.util.Map<String, Object> own = new java.util.HashMap<>(before);
        own.put("term", term);
        own.put("session", session);
        as("hp-staff").body(own).put("/committees/440112/proposal-settings").then().statusCode(200);
        try {
            test.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            as("hp-staff").body(before).put("/committees/440112/proposal-settings").then().statusCode(200);
        }
    }
}
