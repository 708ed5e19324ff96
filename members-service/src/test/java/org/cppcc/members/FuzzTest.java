package org.cppcc.members;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.OpenApiFuzzer;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.cppcc.members.MembersTestSupport.as;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed requests to every operation of members-service, as the platform administrator ({@link OpenApiFuzzer}). */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class FuzzTest {

    /**
     * In a committee of its own, onboarded here (a bad request accepted as valid changes things: the registry, the
     * scoring rules), as the platform administrator, who may act in every committee.
     */
    @Test
    void badInputNeverFailsTheServiceAndIsAlwaysAProblem() {
        MembersTestSupport.demoCommittees();
        as("admin").body("{\"name\":\"广州市模糊测试区政协\",\"level\":\"district\",\"parentCode\":\"440100\"}")
                .put("/admin/committees/440199").then().statusCode(200);
        String member = as("admin").body("{\"username\":\"fz-" + java.util.UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"name\":\"模糊\",\"sector\":\"经济界\"}").post("/committees/440199/members").then().statusCode(201)
                .extract().path("id");
        OpenApiFuzzer.Report report = new OpenApiFuzzer("440199", List.of("admin"), Map.of("members", member)).run();
        System.out.println("[fuzz] members-service: " + report.summary());
        assertEquals(List.of(), report.failures());
        assertTrue(report.requests() >= 1500, report.summary());
    }
}
