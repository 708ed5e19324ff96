package org.cppcc.consultation;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.cppcc.consultation.ActivityTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 问卷: the office drafts, opens and closes an activity's questionnaire; participants answer once, checked against its
 * questions; the results are counted per option (checked against hand counts) and exported as CSV and XLSX.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class QuestionnaireTest {

    @BeforeEach
    void rosterKnown() {
        ConsultationTestSupport.rosterKnown();
    }

    static final String QUESTIONS = """
            {"title":"老旧小区加装电梯意见征集","questions":[
              {"text":"您是否支持加装电梯？","kind":"SINGLE","options":["支持","反对","无所谓"],"required":true},
              {"text":"您最关心哪些方面？","kind":"MULTIPLE","options":["费用分摊","采光","噪音","施工期"],"required":true},
              {"text":"其他建议","kind":"TEXT","required":false}]}""";

    @Test
    void participantsAnswerOnceAndTheResultsAreCountedAndExported() throws Exception {
        String activity = as("hp-staff").body("{\"form\":\"THEMATIC\",\"title\":\"专题协商：加装电梯\",\"startsAt\":\""
                + Instant.now().plus(Duration.ofDays(2)) + "\",\"location\":\"区政协会议室\"}").post("/committees/440112/activities")
                .then().statusCode(201).extract().path("id");
        String base = "/committees/440112/activities/" + activity;
        as("hp-staff").body("{\"usernames\":[\"hp-member\",\"hp-member2\"]}").post(base + "/invitations").then().statusCode(200);

        // drafted by the office only; a choice question needs options, a text question none
        as("hp-member").body(QUESTIONS).put(base + "/questionnaire").then().statusCode(403);
        as("hp-staff").body(QUESTIONS.replace("\"options\":[\"支持\",\"反对\",\"无所谓\"]", "\"options\":[\"支持\"]")).put(base + "/questionnaire")
                .then().statusCode(400);
        as("hp-staff").body(QUESTIONS.replace("\"kind\":\"TEXT\"", "\"kind\":\"TEXT\",\"options\":[\"a\",\"b\"]")).put(base + "/questionnaire")
                .then().statusCode(400);
        as("hp-staff").body(QUESTIONS).put(base + "/questionnaire").then().statusCode(200).body("status", equalTo("DRAFT"));
        as("hp-member").body(answers("[0]", "[0]", null)).post(base + "/questionnaire/responses").then().statusCode(409); // not open yet
        as("hp-staff").post(base + "/questionnaire/open").then().statusCode(200).body("status", equalTo("OPEN"));
        as("hp-staff").body(QUESTIONS).put(base + "/questionnaire").then().statusCode(409); // its questions are fixed now

        // answers are checked against the questions, and nothing is kept of a refused one
        as("hp-member").body(answers("[0,1]", "[0]", null)).post(base + "/questionnaire/responses").then().statusCode(400); // two for a single choice
        as("hp-member").body(answers("[0]", "[7]", null)).post(base + "/questionnaire/responses").then().statusCode(400); // no such option
        as("hp-member").body(answers("[0]", "[]", null)).post(base + "/questionnaire/responses").then().statusCode(400); // required
        as("hp-member").body("{\"answers\":[{\"choices\":[0]}]}").post(base + "/questionnaire/responses").then().statusCode(400); // too few
        as("hp-member").get(base + "/questionnaire").then().statusCode(200).body("answered", equalTo(false)).body("respondents", equalTo(0));

        as("hp-member").body(answers("[0]", "[0,2]", "\"=1+1 电梯井占用绿地，请慎重\"")).post(base + "/questionnaire/responses")
                .then().statusCode(200).body("answered", equalTo(true));
        as("hp-member").body(answers("[1]", "[0]", null)).post(base + "/questionnaire/responses").then().statusCode(409); // once
        as("hp-member2").body(answers("[0]", "[0,1]", null)).post(base + "/questionnaire/responses").then().statusCode(200);
        as("gz-member").body(answers("[0]", "[0]", null)).post(base.replace("440112", "440100") + "/questionnaire/responses").then().statusCode(404);
        as("hp-staff").post(base + "/questionnaire/close").then().statusCode(200).body("status", equalTo("CLOSED"));
        as("hp-staff").post(base + "/questionnaire/close").then().statusCode(409);

        // by hand: 2 respondents; 支持 2; 费用分摊 2, 采光 1, 噪音 1, 施工期 0; one text
        as("hp-member").get(base + "/questionnaire/results").then().statusCode(403);
        JsonPath r = as("hp-staff").get(base + "/questionnaire/results").then().statusCode(200).extract().jsonPath();
        assertEquals(2, r.getInt("respondents"));
        assertEquals(List.of(2, 0, 0), r.getList("questions[0].options.count"));
        assertEquals(List.of(2, 1, 1, 0), r.getList("questions[1].options.count"));
        assertEquals(List.of("=1+1 电梯井占用绿地，请慎重"), r.getList("questions[2].texts"));
        assertEquals(1, r.getInt("questions[2].answered"));

        // the export: a row per respondent, then the counts; a cell that looks like a formula stays text
        String csv = new String(as("hp-staff").get(base + "/questionnaire/export?format=csv").then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF答卷人,提交时间,1. 您是否支持加装电梯？"), csv);
        assertTrue(csv.contains("hp-member,") && csv.contains(",支持,费用分摊；噪音,'=1+1 电梯井占用绿地，请慎重"), csv);
        assertTrue(csv.contains("2,您最关心哪些方面？,费用分摊,2"), csv);
        byte[] xlsx = as("hp-staff").get(base + "/questionnaire/export?format=xlsx").then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<List<String>> sheets = wb.getSheets().map(s -> s.getName()).map(List::of).toList();
            assertEquals(List.of(List.of("答卷"), List.of("统计")), sheets);
            List<Row> rows = wb.getSheets().toList().get(1).read();
            Map<String, String> counts = new java.util.HashMap<>();
            rows.stream().skip(1).forEach(row -> counts.put(row.getCellText(0) + row.getCellText(2), row.getCellText(3)));
            assertEquals("1", counts.get("2采光"));
            assertEquals(3, wb.getSheets().toList().get(0).read().size()); // header and two respondents
        }
        as("hp-staff").get(base + "/questionnaire/export?format=pdf").then().statusCode(400);
    }

    private static String answers(String single, String multiple, String text) {
        return "{\"answers\":[{\"choices\":" + single + "},{\"choices\":" + multiple + "}," + (text == null ? "null" : "{\"text\":" + text + "}") + "]}";
    }
}
