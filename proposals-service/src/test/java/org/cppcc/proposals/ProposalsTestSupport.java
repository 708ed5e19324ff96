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

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/json");
    }

    public static String proposal(String title) {
        return """
                {"title":"%s","body":"建议加快黄埔区科技企业孵化器建设，完善配套政策。","publishConsent":true}""".formatted(title);
    }
}
