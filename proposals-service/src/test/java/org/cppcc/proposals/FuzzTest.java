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

/** Thousands of malformed requests to every operation, as an office and as a member ({@link OpenApiFuzzer}). */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class FuzzTest {

    /**
     * In committees no other test of this module works in (a bad request the service accepts as valid changes things:
     * settings, a session's archive): 深圳市 as its proposal office, 大兴区 as a member.
     */
    @Test
    void badInputNeverFailsTheServiceAndIsAlwaysAProblem() {
        ProposalsTestSupport.committeesAnnounced();
        String collective = as("sz-staff").body("{\"title\":\"模糊测试集体提案\",\"body\":\"正文\",\"publishConsent\":true,"
                + "\"kind\":\"COLLECTIVE\",\"onBehalfOf\":\"民盟深圳市委\"}").post("/committees/440300/proposals").then().statusCode(201)
                .extract().path("id");
        String unit = as("sz-staff").body("{\"name\":\"深圳模糊测试局\",\"officers\":[]}").post("/committees/440300/handling-units")
                .then().extract().path("id");
        String own = as("dx-member").body(proposal("模糊测试提案")).post("/committees/110115/proposals").then().statusCode(201)
                .extract().path("id");
        OpenApiFuzzer.Report office = new OpenApiFuzzer("440300", List.of("sz-staff"),
                Map.of("proposals", collective, "handling-units", unit == null ? collective : unit)).run();
        OpenApiFuzzer.Report member = new OpenApiFuzzer("110115", List.of("dx-member"), Map.of("proposals", own)).run();
        System.out.println("[fuzz] proposals-service: as an office " + office.summary() + "; as a member " + member.summary());
        assertEquals(List.of(), office.failures());
        assertEquals(List.of(), member.failures());
        assertTrue(office.requests() + member.requests() >= 3000, office.summary());
    }
}
