package org.cppcc.notifications;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.AuthorizationMatrix;
import org.cppcc.platform.testkit.DemoCommittees;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every operation of notification-service × every demo user: on a 黄埔区 broadcast, and on 广州市's as another
 * committee's ({@link AuthorizationMatrix}). A person's own inbox items are covered by InboxTest.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(ChannelsTestResource.class)
class AuthorizationMatrixTest {

    private static String broadcast(String committee, String staff) {
        String body = "{\"title\":\"矩阵通知\",\"body\":\"授权矩阵测试。\"}";
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(Tokens.of(staff)).contentType("application/json")
                .body(body).post("/committees/" + committee + "/broadcasts").statusCode() == 202);
        return given().auth().oauth2(Tokens.of(staff)).contentType("application/json").body(body)
                .post("/committees/" + committee + "/broadcasts").then().statusCode(202).extract().path("id");
    }

    @Test
    void onlyDocumentedCallersGet2xxAndAnotherCommitteesIdsLookLikeNone() {
        DemoCommittees.announce();
        String own = broadcast("440112", "hp-staff");
        String foreign = broadcast("440100", "gz-staff");
        AuthorizationMatrix.Report report = new AuthorizationMatrix("440112", Map.of("broadcasts", List.of(own)),
                Map.of("broadcasts", foreign), "org.cppcc.notifications").run();
        System.out.println("[authorization matrix] notification-service: " + report.summary());
        assertEquals(List.of(), report.failures());
    }
}
