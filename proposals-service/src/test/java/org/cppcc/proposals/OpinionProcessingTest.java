package org.cppcc.proposals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.cppcc.proposals.ProposalsTestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 社情民意 processing: the office edits a report (the member's original kept), compiles reports into the year's
 * numbered 信息专报 issues (a report into one issue only; another committee's report refused), forwards one to a
 * department and records its answer; each inclusion is announced once; the year's figures grow by what was done.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OpinionProcessingTest {

    @BeforeEach
    void setUp() {
        ProposalsTestSupport.committeesAnnounced();
    }

    private static String report(String user, String committee, String title) {
        return as(user).body(Map.of("title", title, "body", "情况反映：" + title)).post("/committees/" + committee + "/opinion-reports")
                .then().statusCode(201).extract().path("id");
    }

    private static JsonPath statistics() {
        return as("hp-staff").get("/committees/440112/opinion-reports/statistics").then().statusCode(200).extract().jsonPath();
    }

    private static long count(JsonPath stats, String field) {
        return stats.getLong(field);
    }

    @Test
    void reportsAreEditedCompiledIntoNumberedIssuesForwardedAndCounted() {
        JsonPath before = statistics();
        String r1 = report("hp-member", "440112", "菜市场周边占道经营");
        String r2 = report("hp-member", "440112", "老旧小区充电难");
        String r3 = report("hp-member", "440112", "学校周边交通拥堵");
        String elsewhere = report("gz-member", "440100", "广州的情况");

        // edited twice by the office: the member's first text is what is kept as the original
        as("hp-staff").body(Map.of("title", "关于菜市场周边占道经营问题的反映", "body", "编辑后的正文")).post("/committees/440112/opinion-reports/" + r1 + "/edit")
                .then().statusCode(200);
        JsonPath edited = as("hp-staff").body(Map.of("title", "关于规范菜市场周边经营秩序的建议", "body", "再次编辑"))
                .post("/committees/440112/opinion-reports/" + r1 + "/edit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("关于规范菜市场周边经营秩序的建议", "菜市场周边占道经营", "情况反映：菜市场周边占道经营", "hp-staff"),
                List.of(edited.getString("title"), edited.getString("originalTitle"), edited.getString("originalBody"), edited.getString("editedBy")));
        as("hp-member").body(Map.of("title", "自己改", "body", "x")).post("/committees/440112/opinion-reports/" + r1 + "/edit").then().statusCode(403);

        // compiled: the year's next numbers, one issue per report; another committee's report is not this office's
        as("hp-staff").body(Map.of("recipients", List.of("区委书记"), "reportIds", List.of(r3, elsewhere)))
                .post("/committees/440112/opinion-issues").then().statusCode(400).contentType("application/problem+json");
        JsonPath first = as("hp-staff").body(Map.of("recipients", List.of("区委书记", "区长"), "reportIds", List.of(r1, r2)))
                .post("/committees/440112/opinion-issues").then().statusCode(200).extract().jsonPath();
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        int number = first.getInt("number");
        assertEquals("《社情民意》" + year + "年第" + number + "期", first.getString("name"));
        assertEquals(List.of(r1, r2), first.getList("reports.id"));
        assertEquals(List.of("区委书记", "区长"), first.getList("recipients"));
        as("hp-staff").body(Map.of("recipients", List.of("区委书记"), "reportIds", List.of(r1, r3))).post("/committees/440112/opinion-issues")
                .then().statusCode(409);
        JsonPath second = as("hp-staff").body(Map.of("title", "信息专报", "recipients", List.of("区委办"), "reportIds", List.of(r3)))
                .post("/committees/440112/opinion-issues").then().statusCode(200).extract().jsonPath();
        assertEquals(number + 1, second.getInt("number"));
        assertEquals("《信息专报》" + year + "年第" + (number + 1) + "期", second.getString("name"));
        as("hp-member").body(Map.of("recipients", List.of("x"), "reportIds", List.of(r3))).post("/committees/440112/opinion-issues").then().statusCode(403);

        // forwarded to a department, its answer recorded; no answer without forwarding
        as("hp-staff").body(Map.of("answer", "未转交")).post("/committees/440112/opinion-reports/" + r3 + "/answer").then().statusCode(409);
        as("hp-staff").body(Map.of("department", "区住房城乡建设局")).post("/committees/440112/opinion-reports/" + r2 + "/forward").then().statusCode(200);
        assertEquals("已纳入明年老旧小区改造计划", as("hp-staff").body(Map.of("answer", "已纳入明年老旧小区改造计划"))
                .post("/committees/440112/opinion-reports/" + r2 + "/answer").then().statusCode(200).extract().path("departmentAnswer"));
        as("hp-staff").body(Map.of("adoptedBy", "区委办《每日要情》")).post("/committees/440112/opinion-reports/" + r1 + "/adopt").then().statusCode(200);

        // each inclusion announced once (the author is told; members-service counts it)
        for (String r : List.of(r1, r2, r3)) {
            assertEquals(1, TopicReader.await("proposals.events", e -> r.equals(e.path("subject").asText())
                    && e.path("type").asText().contains("OpinionReportIncluded"), 1, Duration.ofSeconds(20)).size());
        }

        // the year's figures grew by exactly this
        JsonPath after = statistics();
        assertEquals(Map.of("submitted", 3L, "included", 3L, "issues", 2L, "adopted", 1L, "forwarded", 1L, "answered", 1L), Map.of(
                "submitted", count(after, "submitted") - count(before, "submitted"), "included", count(after, "included") - count(before, "included"),
                "issues", count(after, "issues") - count(before, "issues"), "adopted", count(after, "adopted") - count(before, "adopted"),
                "forwarded", count(after, "forwarded") - count(before, "forwarded"), "answered", count(after, "answered") - count(before, "answered")));
        as("gz-staff").get("/committees/440112/opinion-reports/statistics").then().statusCode(200);
        as("sz-staff").get("/committees/440112/opinion-reports/statistics").then().statusCode(403);
        as("hp-member").get("/committees/440112/opinion-reports/statistics").then().statusCode(403);
    }
}
