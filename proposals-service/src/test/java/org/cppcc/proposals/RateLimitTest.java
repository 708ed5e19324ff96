package org.cppcc.proposals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What anyone may call is limited per client address: 429 problem+json with Retry-After, and other clients go on;
 * a signed-in person counts against their own limit; every answer says where the caller stands.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class RateLimitTest {

    static final int LIMIT = 120;

    static Response publicList(String client) {
        return given().header("X-Forwarded-For", client).get("/committees/440112/public/proposals");
    }

    @Test
    void aClientOverTheLimitIsToldToWaitAndOthersAreNot() {
        ProposalsTestSupport.committeesAnnounced();
        String client = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
        int served = 0;
        Response refused = null;
        // a minute may turn over during the loop and start a new window: then the limit is reached again later
        for (int i = 0; i <= 2 * LIMIT && refused == null; i++) {
            Response r = publicList(client);
            if (r.statusCode() == 429) {
                refused = r;
            } else {
                assertEquals(200, r.statusCode());
                served++;
            }
        }
        assertNotNull(refused, "the limit was enforced");
        assertTrue(served >= LIMIT, "at least " + LIMIT + " requests were served first, were " + served);
        assertEquals("application/problem+json", refused.contentType());
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
        assertEquals(200, publicList("198.51.100." + ThreadLocalRandom.current().nextInt(1, 255)).statusCode(), "another client is served");
    }

    @Test
    void everyAnswerSaysWhereTheCallerStands() {
        ProposalsTestSupport.committeesAnnounced();
        for (int attempt = 0; attempt < 3; attempt++) { // a minute turning over between the two calls starts a new count
            Response first = ProposalsTestSupport.as("hp-member2").get("/committees/440112/proposals");
            Response second = ProposalsTestSupport.as("hp-member2").get("/committees/440112/proposals");
            assertEquals("3000", second.header("X-RateLimit-Limit"), "a person's own limit");
            if (Integer.parseInt(second.header("X-RateLimit-Reset")) <= Integer.parseInt(first.header("X-RateLimit-Reset"))) {
                assertEquals(Integer.parseInt(first.header("X-RateLimit-Remaining")) - 1, Integer.parseInt(second.header("X-RateLimit-Remaining")));
                assertEquals(String.valueOf(LIMIT), publicList("192.0.2." + ThreadLocalRandom.current().nextInt(1, 255))
                        .header("X-RateLimit-Limit"), "the public pages' limit, per address");
                return;
            }
        }
        throw new AssertionError("three minutes turned over between two calls");
    }
}
