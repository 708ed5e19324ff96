package org.cppcc.proposals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.cppcc.proposals.ProposalsTestSupport.as;
import static org.cppcc.proposals.ProposalsTestSupport.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A 2xx promises its event: with the broker gone the submission still succeeds, and the event follows once it is back. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OutboxTest {

    @Test
    void submissionWhileKafkaIsDownIsPublishedOnceKafkaReturns() {
        ProposalsTestSupport.committeesAnnounced();
        String id;
        PlatformTestResource.kafka().stop();
        try {
            id = as("hp-member").body(proposal("Kafka 停机期间提交")).post("/committees/440112/proposals")
                    .then().statusCode(201).extract().path("id");
        } finally {
            PlatformTestResource.kafka().start();
        }
        List<JsonNode> events = TopicReader.await("proposals.events", e -> id.equals(e.path("subject").asText()), 1, Duration.ofSeconds(90));
        assertEquals(1, events.size(), "the event arrives exactly once after the broker is back");
    }
}
