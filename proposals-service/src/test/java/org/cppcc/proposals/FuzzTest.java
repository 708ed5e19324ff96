package org.cppcc.proposals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.OpenApiFuzzer;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.cppcc.proposals.ProposalsTestSupport.as;
import static org.cppcc.proposals.ProposalsTestSupport.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Thousands of malformed requests to every operation, as the office and as a member ({@link OpenApiFuzzer}). */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class FuzzTest {

    @Test
    void badInputNeverFailsTheServiceAndIsAlwaysAProblem() {
        ProposalsTestSupport.committeesAnnounced();
        String id = as("hp-member").body(proposal("模糊测试提案")).post("/committees/440112/proposals").then().statusCode(201)
                .extract().path("id");
        String unit = as("hp-staff").body("{\"name\":\"模糊测试局\",\"officers\":[]}").post("/committees/440112/handling-units")
                .then().extract().path("id");
        OpenApiFuzzer.Report report = new OpenApiFuzzer("440112", List.of("hp-staff", "hp-member"),
                Map.of("proposals", id, "handling-units", unit == null ? id : unit)).run();
        System.out.println("[fuzz] proposals-service: " + report.summary());
        assertEquals(List.of(), report.failures());
        assertTrue(report.requests() >= 3000, report.summary());
    }
}
