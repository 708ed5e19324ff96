package org.cppcc.e2e;

import org.cppcc.deploy.Service;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * R1: submissions at a steady rate from several members while the Kafka broker is killed (kill -9) and later
 * restarted, then proposals-service and notification-service are each killed and restarted ({@link FaultDrill}).
 * <p>
 * Its size is set by system properties (CI runs the default; the long run is
 * {@code -Dcppcc.fault.submissions=10000 -Dcppcc.fault.rate=50 -Dcppcc.fault.kafka-down=60}); it prints its figures.
 */
class FaultSuiteTest extends E2eTest {

    static final int SUBMISSIONS = Integer.getInteger("cppcc.fault.submissions", 1200);
    static final int RATE = Integer.getInteger("cppcc.fault.rate", 30);
    static final int KAFKA_DOWN_SECONDS = Integer.getInteger("cppcc.fault.kafka-down", 15);

    private static FaultDrill drill;

    @BeforeAll
    static void newDrill() {
        drill = new FaultDrill(platform, api);
    }

    @Test
    void everySubmissionExistsOnceWithOneEffectEachAcrossKafkaAndServiceCrashes() throws Exception {
        int kafkaKilledAt = SUBMISSIONS / 10;
        int kafkaBackAt = kafkaKilledAt + KAFKA_DOWN_SECONDS * RATE;
        int proposalsKilledAt = Math.max(kafkaBackAt + RATE * 5, SUBMISSIONS / 2);
        int notificationKilledAt = Math.max(proposalsKilledAt + RATE * 10, SUBMISSIONS * 3 / 4);
        FaultDrill.Outcome o = drill.run(SUBMISSIONS, RATE, Map.of(
                kafkaKilledAt, recoveries -> {
                    platform.kafka().kill();
                    return "Kafka killed (kill -9)";
                },
                kafkaBackAt, recoveries -> {
                    recoveries.add(CompletableFuture.runAsync(() -> platform.kafka().start()));
                    return "Kafka restarted (" + KAFKA_DOWN_SECONDS + " s down)";
                },
                proposalsKilledAt, recoveries -> crash(Service.PROPOSALS, recoveries),
                notificationKilledAt, recoveries -> crash(Service.NOTIFICATION, recoveries)));
        System.out.println("[fault suite R1] " + o.figures(SUBMISSIONS, RATE));
        assertEquals(List.of(), o.duplicated(), "each effect exactly once");
    }

    private static String crash(Service s, List<CompletableFuture<?>> recoveries) {
        platform.killService(s);
        recoveries.add(CompletableFuture.runAsync(() -> {
            platform.startService(s);
            platform.awaitReady(s);
        }));
        return s.module() + " killed (kill -9) and restarted";
    }
}
