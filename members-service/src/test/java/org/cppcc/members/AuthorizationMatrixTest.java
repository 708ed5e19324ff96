package org.cppcc.members;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.AuthorizationMatrix;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every operation of members-service × every demo user, on 黄埔区's members and on 广州市's ({@link AuthorizationMatrix}). */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AuthorizationMatrixTest {

    private static String added(String committee) {
        return MembersTestSupport.as("admin").body("{\"username\":\"mx-" + java.util.UUID.randomUUID().toString().substring(0, 8)
                + "\",\"name\":\"矩阵\",\"sector\":\"经济界\"}").post("/committees/" + committee + "/members").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void onlyDocumentedCallersGet2xxAndAnotherCommitteesIdsLookLikeNone() {
        MembersTestSupport.demoCommittees();
        // members of its own (other tests enrol the demo users themselves, some expecting to be the first)
        String own = added("440112");
        String foreign = added("440100");
        AuthorizationMatrix.Report report = new AuthorizationMatrix("440112", Map.of("members", List.of(own)),
                Map.of("members", foreign), "org.cppcc.members").run();
        System.out.println("[authorization matrix] members-service: " + report.summary());
        assertEquals(List.of(), report.failures());
        assertTrue(report.operations() >= 40, report.summary());
    }
}
