package org.cppcc.proposals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** What operators and app developers rely on: health with its database and Kafka, metrics, the API description. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OperationsEndpointsTest {

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void prometheusMetricsIncludeTheOutbox() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("cppcc_outbox_published"));
    }

    @Test
    void theApiDescribesItself() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/committees/{code}/proposals"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
