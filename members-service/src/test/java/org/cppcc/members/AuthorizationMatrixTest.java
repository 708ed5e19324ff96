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

    @Test
    void onlyDocumentedCallersGet2xxAndAnotherCommitteesIdsLookLikeNone() {
        MembersTestSupport.demoCommittees();
        String own = MembersTestSupport.membership("hp-member", "440112", "张伟", "经济界", false);
        String foreign = MembersTestSupport.membership("gz-member", "440100", "陈芳", "科技界", true);
        AuthorizationMatrix.Report report = new AuthorizationMatrix("440112", Map.of("members", List.of(own)),
                Map.of("members", foreign), "org.cppcc.members").run();
        System.out.println("[authorization matrix] members-service: " + report.summary());
        assertEquals(List.of(), report.failures());
        assertTrue(report.operations() >= 40, report.summary());
    }
}
