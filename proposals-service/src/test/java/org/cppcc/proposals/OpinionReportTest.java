package org.cppcc.proposals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.cppcc.proposals.ProposalsTestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** 社情民意: submitted, adopted, instructed — each announced once, each step only by its party and in its state. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OpinionReportTest {

    @BeforeEach
    void committees() {
        ProposalsTestSupport.committeesAnnounced();
    }

    private static String submit(String user, String title) {
        return as(user).body("{\"title\":\"" + title + "\",\"body\":\"群众反映老旧小区停车位不足，建议挖潜共享车位。\"}")
                .post("/committees/440112/opinion-reports").then().statusCode(201).body("status", equalTo("SUBMITTED"))
                .extract().path("id");
    }

    private static List<String> types(String reportId, int atLeast) {
        return TopicReader.await("proposals.events", e -> reportId.equals(e.path("subject").asText()), atLeast, Duration.ofSeconds(30))
                .stream().map(e -> e.path("type").asText().replace("org.cppcc.proposals.", "")).toList();
    }

    @Test
    void aReportIsSubmittedAdoptedAndInstructedAndEachStepIsAnnouncedOnce() {
        String id = submit("hp-member", "关于缓解老旧小区停车难的建议");
        as("hp-staff").get("/committees/440112/opinion-reports?status=SUBMITTED&limit=100").then().statusCode(200)
                .body("items.id", hasItem(id));
        as("hp-staff").body("{\"instructedBy\":\"区长\",\"instruction\":\"请住建局研究\"}")
                .post("/committees/440112/opinion-reports/" + id + "/instruction").then().statusCode(409); // not adopted yet
        as("hp-member").body("{\"adoptedBy\":\"自己\"}").post("/committees/440112/opinion-reports/" + id + "/adopt").then().statusCode(403);
        as("hp-staff").header("If-Match", "7").body("{\"adoptedBy\":\"区委办《每日要情》\"}")
                .post("/committees/440112/opinion-reports/" + id + "/adopt").then().statusCode(409); // stale version
        as("hp-staff").header("If-Match", "0").body("{\"adoptedBy\":\"区委办《每日要情》\"}")
                .post("/committees/440112/opinion-reports/" + id + "/adopt").then().statusCode(200).body("status", equalTo("ADOPTED"));
        as("hp-staff").body("{\"adoptedBy\":\"again\"}").post("/committees/440112/opinion-reports/" + id + "/adopt").then().statusCode(409);
        as("hp-staff").body("{\"reason\":\"x\"}").post("/committees/440112/opinion-reports/" + id + "/decline").then().statusCode(409);
        as("hp-staff").body("{\"instructedBy\":\"区长\",\"instruction\":\"请住建局研究\"}")
                .post("/committees/440112/opinion-reports/" + id + "/instruction").then().statusCode(200)
                .body("status", equalTo("INSTRUCTED")).body("instructedBy", equalTo("区长"));
        as("hp-member").get("/committees/440112/opinion-reports/" + id).then().statusCode(200).body("adoptedBy", equalTo("区委办《每日要情》"));

        List<String> types = types(id, 3);
        assertEquals(List.of("OpinionReportSubmitted.v1", "OpinionReportAdopted.v1", "OpinionReportInstructed.v1"), types);
    }

    @Test
    void aReportIsSeenByItsAuthorAndTheOfficeOnly() {
        String id = submit("hp-member", "只给本人和提案委看");
        as("hp-member2").get("/committees/440112/opinion-reports/" + id).then().statusCode(404).contentType("application/problem+json");
        as("hp-member2").get("/committees/440112/opinion-reports?limit=100").then().statusCode(200).body("items.id", not(hasItem(id)));
        as("hp-unit").get("/committees/440112/opinion-reports/" + id).then().statusCode(403);
        as("gz-staff").get("/committees/440112/opinion-reports/" + id).then().statusCode(403);
        as("gz-staff").get("/committees/440100/opinion-reports/" + id).then().statusCode(404);
        as("hp-staff").body("{\"reason\":\"内容已有部门掌握\"}").post("/committees/440112/opinion-reports/" + id + "/decline").then()
                .statusCode(200).body("status", equalTo("NOT_ADOPTED"));
    }

    @Test
    void aProposalNotRegisteredAndConvertedBecomesTheAuthorsReport() {
        String title = "关于小区噪声扰民的提案-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String proposal = as("hp-member").body(ProposalsTestSupport.proposal(title)).post("/committees/440112/proposals").then()
                .statusCode(201).extract().path("id");
        as("hp-staff").body("{\"reason\":\"属个案问题，转社情民意\",\"convertTo\":\"OPINION_REPORT\"}")
                .post("/committees/440112/proposals/" + proposal + "/not-register").then().statusCode(200);
        as("hp-member").get("/committees/440112/opinion-reports?limit=100").then().statusCode(200)
                .body("items.find { it.title == '" + title + "' }.status", equalTo("SUBMITTED"));
    }

    @Test
    void badReportsAreRejectedAndNothingIsStored() {
        int before = as("hp-staff").get("/committees/440112/opinion-reports?limit=100").then().extract().path("items.size()");
        as("hp-member").body("{\"title\":\"\",\"body\":\"\"}").post("/committees/440112/opinion-reports").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("title"));
        as("hp-staff").get("/committees/440112/opinion-reports?status=bogus").then().statusCode(400);
        as("hp-staff").get("/committees/440112/opinion-reports?limit=100").then().body("items.size()", equalTo(before));
    }
}
