package org.cppcc.consultation;

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
 * Every operation of consultation-service × every demo user: on a 黄埔区 activity; and, from 广州市's operations,
 * on that activity as another committee's ({@link AuthorizationMatrix}).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AuthorizationMatrixTest {

    @Test
    void onlyDocumentedCallersGet2xxAndAnotherCommitteesIdsLookLikeNone() {
        DemoCommittees.announce();
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(Tokens.of("hp-staff")).contentType("application/json")
                .body(ActivityTest.ACTIVITY).post("/committees/440112/activities").statusCode() == 201);
        String activity = given().auth().oauth2(Tokens.of("hp-staff")).contentType("application/json").body(ActivityTest.ACTIVITY)
                .post("/committees/440112/activities").then().statusCode(201).extract().path("id");
        AuthorizationMatrix.Report own = new AuthorizationMatrix("440112", Map.of("activities", List.of(activity)), Map.of(),
                "org.cppcc.consultation").run();
        AuthorizationMatrix.Report foreign = new AuthorizationMatrix("440100", Map.of(), Map.of("activities", activity),
                "org.cppcc.consultation").run();
        System.out.println("[authorization matrix] consultation-service: " + own.summary() + "; from 440100: " + foreign.summary());
        assertEquals(List.of(), own.failures());
        assertEquals(List.of(), foreign.failures());
    }
}
