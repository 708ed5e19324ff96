package org.cppcc.notifications;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.DemoCommittees;
import org.cppcc.platform.testkit.OpenApiFuzzer;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Malformed requests to every operation of notification-service, as an office ({@link OpenApiFuzzer}). */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(ChannelsTestResource.class)
class FuzzTest {

    @Test
    void badInputNeverFailsTheServiceAndIsAlwaysAProblem() {
        DemoCommittees.announce();
        // 深圳市's office: no other test of this module reads its inbox, settings or broadcasts, which accepted requests change
        OpenApiFuzzer.Report report = new OpenApiFuzzer("440300", List.of("sz-staff"), Map.of()).run();
        System.out.println("[fuzz] notification-service: " + report.summary());
        assertEquals(List.of(), report.failures());
    }
}
