package org.cppcc.proposals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.cppcc.proposals.ProposalsTestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 导出: a session's proposals and statistics as CSV and XLSX, read back — Chinese headers, one row per filed
 * proposal with its units, reply class and rating, quoting that survives commas and quotes, no formula
 * injection; supervision from above exports the statistics, not the proposals.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ExportTest {

    private static final List<String> HEADER = List.of("提案编号", "标题", "类别", "状态", "提案人", "界别", "提交时间", "立案时间",
            "主办单位", "会办单位", "答复类别", "满意度", "重点提案", "已公开", "主题");

    @BeforeEach
    void setUp() {
        ProposalsTestSupport.committeesAnnounced();
    }

    private static String filed(String title) {
        return as("hp-member").body(Map.of("title", title, "body", "导出测试。", "publishConsent", true)).post("/committees/440112/proposals")
                .then().statusCode(201).extract().path("id");
    }

    private static byte[] export(String user, String path, int status) {
        return as(user).get("/committees/440112/" + path).then().statusCode(status).extract().asByteArray();
    }

    private static List<List<String>> rows(Sheet sheet) throws Exception {
        try (var stream = sheet.openStream()) {
            return stream.map(r -> r.stream().map(c -> c == null ? "" : c.getRawValue() == null ? "" : c.getText()).collect(Collectors.toList()))
                    .collect(Collectors.toList());
        }
    }

    @Test
    void aSessionsProposalsAndStatisticsAreExportedAndReadBack() throws Exception {
        ProposalsTestSupport.inSessionOf440112(8, 2, () -> {
            String s = UUID.randomUUID().toString().substring(0, 8);
            String unit = as("hp-staff").body("{\"name\":\"导出局" + s + "\",\"officers\":[\"hp-unit\"]}").post("/committees/440112/handling-units")
                    .then().statusCode(201).extract().path("id");
            String replied = filed("关于\"智慧养老\"试点, 扩大覆盖的提案");
            filed("=HYPERLINK(\"http://example.com\")");
            as("hp-staff").body("[\"养老\",\"智慧社区\"]").put("/committees/440112/proposals/" + replied + "/tags").then().statusCode(200);
            as("hp-staff").post("/committees/440112/proposals/" + replied + "/register").then().statusCode(200);
            as("hp-staff").body("{\"leads\":[\"" + unit + "\"]}").post("/committees/440112/proposals/" + replied + "/assign").then().statusCode(200);
            as("hp-unit").body("{\"classification\":\"A\",\"body\":\"已采纳\"}").post("/committees/440112/proposals/" + replied + "/reply")
                    .then().statusCode(200);
            as("hp-member").body("{\"replyRating\":\"SATISFIED\",\"contactRating\":\"SATISFIED\"}")
                    .post("/committees/440112/proposals/" + replied + "/feedback").then().statusCode(200);

            // CSV: a byte-order mark, the header, one line per filed proposal; a comma and quotes survive; no formula
            String csv = new String(export("hp-staff", "proposals/export?format=csv", 200), StandardCharsets.UTF_8);
            assertTrue(csv.startsWith("\uFEFF" + String.join(",", HEADER) + "\r\n"), csv);
            String[] lines = csv.substring(1).split("\r\n");
            assertEquals(3, lines.length, csv);
            assertTrue(csv.contains(",\"关于\"\"智慧养老\"\"试点, 扩大覆盖的提案\",个人提案,已办结,"), csv);
            assertTrue(csv.contains(",\"'=HYPERLINK(\"\"http://example.com\"\")\",个人提案,待审查,"), csv);
            assertTrue(csv.contains(",导出局" + s + ",,A,满意,否,否,养老、智慧社区\r\n"), csv);

            // XLSX: the session's sheet, the same rows
            try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(export("hp-staff", "proposals/export?format=xlsx", 200)))) {
                Sheet sheet = wb.getFirstSheet();
                assertEquals("八届二次会议提案", sheet.getName());
                List<List<String>> rows = rows(sheet);
                assertEquals(HEADER, rows.get(0));
                assertEquals(3, rows.size());
                List<String> done = rows.stream().filter(r -> r.get(1).equals("关于\"智慧养老\"试点, 扩大覆盖的提案")).findFirst().orElseThrow();
                assertEquals(List.of("个人提案", "已办结", "导出局" + s, "A", "满意"), List.of(done.get(2), done.get(3), done.get(8), done.get(10), done.get(11)));
                assertTrue(done.get(0).startsWith("八届二次会议"), done.toString());
            }

            // statistics: three sheets; the unit's row of the evaluation table
            try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(export("hp-staff", "statistics/export?format=xlsx", 200)))) {
                List<Sheet> sheets = wb.getSheets().toList();
                assertEquals(List.of("总体情况", "按界别", "按主题", "承办单位考评"), sheets.stream().map(Sheet::getName).toList());
                assertEquals(List.of(List.of("养老", "1", "1"), List.of("智慧社区", "1", "1")), rows(sheets.get(2)).subList(1, 3));
                assertEquals(List.of("提交提案", "2"), rows(sheets.get(0)).get(1));
                List<String> unitRow = rows(sheets.get(3)).stream().filter(r -> r.get(0).equals("导出局" + s)).findFirst().orElseThrow();
                assertEquals(List.of("1", "0", "1", "1", "1", "1", "0", "0", "0", "1", "0", "0", "1", "0", "0", "1", "0"),
                        unitRow.subList(1, 18).stream().map(v -> v.replaceAll("\\.0+$", "")).toList());
            }
            String statsCsv = new String(export("hp-staff", "statistics/export?format=csv", 200), StandardCharsets.UTF_8);
            assertTrue(statsCsv.contains("\r\n\r\n承办单位,主办件数,会办件数,已答复,按时答复,办复率,"), statsCsv);

            // who may: the office; above it the statistics only; a member and a sibling nothing; a bad format is a problem
            export("gz-staff", "statistics/export", 200);
            export("gz-staff", "proposals/export", 403);
            export("sz-staff", "statistics/export", 403);
            export("hp-member", "proposals/export", 403);
            as("hp-staff").get("/committees/440112/proposals/export?format=pdf").then().statusCode(400).contentType("application/problem+json");
            as("hp-staff").get("/committees/440112/proposals/export?term=0").then().statusCode(400).contentType("application/problem+json");
        });
    }

    private static String norm(String cell) {
        return cell.replaceAll("\\.0+$", "");
    }

    /**
     * The tables the office publishes: the units' ranking (承办单位考评排名) and the 提案工作报告附件 — the catalogue of
     * registered proposals with units and results, each unit's items as lead and co-handler with those on time and
     * published, the awarded 优秀提案 and the 优秀承办单位 — read back and compared with the session as set up.
     */
    @Test
    void theUnitRankingAndTheReportAnnexAreExportedAndReadBack() throws Exception {
        ProposalsTestSupport.inSessionOf440112(8, 3, () -> {
            String s = UUID.randomUUID().toString().substring(0, 8);
            String lead = as("hp-staff").body("{\"name\":\"附件甲局" + s + "\",\"officers\":[\"hp-unit\"]}").post("/committees/440112/handling-units")
                    .then().statusCode(201).extract().path("id");
            String co = as("hp-staff").body("{\"name\":\"附件乙局" + s + "\",\"officers\":[\"hp-unit2\"]}").post("/committees/440112/handling-units")
                    .then().statusCode(201).extract().path("id");
            String done = filed("关于加强社区养老服务的提案");
            String open = filed("关于改善老旧小区的提案");
            filed("未立案的提案");
            as("hp-staff").post("/committees/440112/proposals/" + done + "/register").then().statusCode(200);
            as("hp-staff").post("/committees/440112/proposals/" + open + "/register").then().statusCode(200);
            as("hp-staff").body("{\"leads\":[\"" + lead + "\"],\"coHandlers\":[\"" + co + "\"]}").post("/committees/440112/proposals/" + done + "/assign")
                    .then().statusCode(200);
            as("hp-staff").body("{\"leads\":[\"" + co + "\"]}").post("/committees/440112/proposals/" + open + "/assign").then().statusCode(200);
            as("hp-unit").body("{\"classification\":\"A\",\"body\":\"已采纳\"}").post("/committees/440112/proposals/" + done + "/reply")
                    .then().statusCode(200);
            as("hp-member").body("{\"replyRating\":\"SATISFIED\",\"contactRating\":\"SATISFIED\"}")
                    .post("/committees/440112/proposals/" + done + "/feedback").then().statusCode(200);
            as("hp-staff").post("/committees/440112/proposals/" + done + "/publish").then().statusCode(200);
            String nomination = as("hp-staff").body("{\"reason\":\"建议被采纳并落实\"}")
                    .post("/committees/440112/evaluation/excellent-proposals/nominations/" + done).then().statusCode(200).extract().path("id");
            as("hp-staff").post("/committees/440112/evaluation/excellent-proposals/" + nomination + "/award").then().statusCode(200);
            as("hp-staff").body(Map.of("unitIds", List.of(lead))).put("/committees/440112/evaluation/excellent-units?term=8&session=3")
                    .then().statusCode(200);
            var first = as("hp-staff").get("/committees/440112/proposals/" + done).then().statusCode(200).extract().jsonPath();
            String doneNumber = first.getString("number");
            String author = first.getString("authorName");
            String openNumber = as("hp-staff").get("/committees/440112/proposals/" + open).then().statusCode(200).extract().path("number");

            // the ranking: 甲 replied on time, class A, rated satisfied → 100; 乙 has replied nothing → 0; then the weights
            String ranking = new String(export("hp-staff", "evaluation/units/export?term=8&session=3&format=csv", 200), StandardCharsets.UTF_8);
            assertTrue(ranking.startsWith("\uFEFF名次,承办单位,综合得分,主办件数,办复率,按时办复率,满意率,A类占比,优秀承办单位\r\n"
                    + "1,附件甲局" + s + ",100.00,1,1.0000,1.0000,1.0000,1.0000,是\r\n2,附件乙局" + s + ",0.00,1,0.0000,0.0000,,,否\r\n\r\n"
                    + "指标,权重\r\n办复率,"), ranking);

            try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(export("hp-staff", "proposals/export/report-annex?term=8&session=3", 200)))) {
                List<Sheet> sheets = wb.getSheets().toList();
                assertEquals(List.of("立案提案目录", "承办单位办理情况", "优秀提案", "优秀承办单位"), sheets.stream().map(Sheet::getName).toList());
                // the registered proposals in number order; the one not registered is not listed
                assertEquals(List.of(List.of("案号", "题目", "提案者", "主办单位", "会办单位", "办理结果", "是否公开"),
                        List.of(doneNumber, "关于加强社区养老服务的提案", author, "附件甲局" + s, "附件乙局" + s, "A类（已解决或采纳）", "是"),
                        List.of(openNumber, "关于改善老旧小区的提案", author, "附件乙局" + s, "", "办理中", "否")), rows(sheets.get(0)));
                // most items first — 乙: one as lead (open), one as co-handler (published); 甲: one as lead, replied on time, published
                assertEquals(List.of(List.of("承办单位", "主办件数", "会办件数", "合计", "主办按时答复", "已公开"),
                        List.of("附件乙局" + s, "1", "1", "2", "0", "1"), List.of("附件甲局" + s, "1", "0", "1", "1", "1")),
                        rows(sheets.get(1)).stream().map(r -> r.stream().map(ExportTest::norm).toList()).toList());
                assertEquals(List.of(List.of("案号", "题目", "提案者"), List.of(doneNumber, "关于加强社区养老服务的提案", author)), rows(sheets.get(2)));
                assertEquals(List.of(List.of("承办单位", "综合得分"), List.of("附件甲局" + s, "100")),
                        rows(sheets.get(3)).stream().map(r -> r.stream().map(ExportTest::norm).toList()).toList());
            }

            // the ranking's figures are read from above; the annex lists texts' titles: the committee's own office only
            export("gz-staff", "evaluation/units/export?term=8&session=3", 200);
            export("gz-staff", "proposals/export/report-annex?term=8&session=3", 403);
            export("hp-member", "evaluation/units/export", 403);
            export("hp-member", "proposals/export/report-annex", 403);
            as("hp-staff").get("/committees/440112/proposals/export/report-annex?session=12").then().statusCode(400)
                    .contentType("application/problem+json");
        });
    }
}
