package org.cppcc.proposals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.AuthorizationMatrix;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.cppcc.proposals.ProposalsTestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of proposals-service × every demo user, on 黄埔区's objects in each state that matters (a
 * draft, a submitted, a registered and a handled proposal; a unit, a report, a cultivated item) and on 广州市's
 * ({@link AuthorizationMatrix}).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AuthorizationMatrixTest {

    private static String proposal(String committee, String member, String title, boolean draft) {
        return as(member).body("{\"title\":\"" + title + "\",\"body\":\"正文\",\"publishConsent\":true,\"draft\":" + draft + "}")
                .post("/committees/" + committee + "/proposals").then().statusCode(201).extract().path("id");
    }

    private static String registered(String committee, String member, String staff, String title) {
        String id = proposal(committee, member, title, false);
        as(staff).post("/committees/" + committee + "/proposals/" + id + "/register").then().statusCode(200);
        return id;
    }

    /** A proposal not registered and turned into a letter (转来信): the letter's id. */
    private static String letter(String committee, String member, String staff, String title) {
        String id = proposal(committee, member, title, false);
        as(staff).body("{\"reason\":\"转有关部门\",\"convertTo\":\"LETTER\"}").post("/committees/" + committee + "/proposals/" + id
                + "/not-register").then().statusCode(200);
        return as(staff).get("/committees/" + committee + "/letters").then().statusCode(200).extract().jsonPath()
                .getString("find { it.proposalId == '" + id + "' }.id");
    }

    @Test
    void onlyDocumentedCallersGet2xxAndAnotherCommitteesIdsLookLikeNone() {
        ProposalsTestSupport.supervisorsAnnounced();
        String s = UUID.randomUUID().toString().substring(0, 6);
        String unit = as("hp-staff").body("{\"name\":\"矩阵局" + s + "\",\"officers\":[\"hp-unit\"]}").post("/committees/440112/handling-units")
                .then().statusCode(201).extract().path("id");
        String draft = proposal("440112", "hp-member", "矩阵草稿", true);
        String submitted = proposal("440112", "hp-member", "矩阵已提交", false);
        String registered = registered("440112", "hp-member", "hp-staff", "矩阵已立案");
        String handled = registered("440112", "hp-member", "hp-staff", "矩阵办理中");
        as("hp-staff").body("{\"leads\":[\"" + unit + "\"]}").post("/committees/440112/proposals/" + handled + "/assign").then().statusCode(200);
        String report = as("hp-member").body("{\"title\":\"矩阵社情民意\",\"body\":\"正文\"}").post("/committees/440112/opinion-reports")
                .then().statusCode(201).extract().path("id");
        String hop = as("hp-staff").body("{\"kind\":\"PROPOSAL\",\"sourceId\":\"" + registered + "\"}")
                .post("/committees/440112/cultivation/recommendations").then().statusCode(201).extract().path("id");

        String letter = letter("440112", "hp-member", "hp-staff", "矩阵来信");
        String foreignLetter = letter("440100", "gz-member", "gz-staff", "广州矩阵来信");
        String foreignUnit = as("gz-staff").body("{\"name\":\"广州矩阵局" + s + "\",\"officers\":[\"gz-unit\"]}")
                .post("/committees/440100/handling-units").then().statusCode(201).extract().path("id");
        String foreignProposal = registered("440100", "gz-member", "gz-staff", "广州矩阵提案");
        String foreignReport = as("gz-member").body("{\"title\":\"广州社情民意\",\"body\":\"正文\"}").post("/committees/440100/opinion-reports")
                .then().statusCode(201).extract().path("id");
        String foreignHop = as("gz-staff").body("{\"kind\":\"PROPOSAL\",\"sourceId\":\"" + foreignProposal + "\"}")
                .post("/committees/440100/cultivation/recommendations").then().statusCode(201).extract().path("id");

        AuthorizationMatrix.Report report1 = new AuthorizationMatrix("440112",
                Map.of("proposals", List.of(draft, submitted, registered, handled), "handling-units", List.of(unit),
                        "opinion-reports", List.of(report), "items", List.of(hop),
                        "letters", List.of(letter)),
                Map.of("proposals", foreignProposal, "handling-units", foreignUnit, "opinion-reports", foreignReport, "items", foreignHop,
                        "letters", foreignLetter),
                "org.cppcc.proposals").run();
        System.out.println("[authorization matrix] proposals-service: " + report1.summary());
        assertEquals(List.of(), report1.failures());
        assertTrue(report1.operations() >= 55, report1.summary());
    }
}
