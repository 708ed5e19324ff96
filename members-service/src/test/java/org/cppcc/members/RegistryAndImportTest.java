package org.cppcc.members;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.TopicReader;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.cppcc.members.MembersTestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class RegistryAndImportTest {

    @BeforeEach
    void committees() {
        MembersTestSupport.demoCommittees();
        as("admin").body("[\"科技界\",\"经济界\",\"文化艺术界\"]").put("/committees/440300/registry/sectors").then().statusCode(200);
    }

    private static io.restassured.response.Response importCsv(String csv) {
        return given().auth().oauth2(org.cppcc.platform.testkit.Tokens.of("admin")).contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/committees/440300/members/import");
    }

    private static List<String> usernames(String committee) {
        return as("admin").get("/committees/" + committee + "/members?limit=100").then().statusCode(200).extract().jsonPath()
                .getList("items.username");
    }

    @Test
    void anImportRejectsBadRowsWithTheirReasonImportsTheGoodOnesAndReimportUpdates() {
        String p = "sz" + UUID.randomUUID().toString().substring(0, 6);
        String csv = """
                用户名,姓名,性别,界别,常委,邮箱,手机,届别
                %1$s-a,周杰,男,科技界,是,a@example.cn,13800000001,第一届;第二届
                %1$s-b,,女,经济界,否,,,
                %1$s-c,吴敏,女,体育界,否,,,
                %1$s-d,郑浩,男,经济界,也许,,,
                %1$s-e,钱进,男,经济界,否,not-an-email,,
                Bad Name,孙磊,男,经济界,否,,,
                """.formatted(p);
        importCsv(csv).then().statusCode(200).body("total", equalTo(6)).body("created", equalTo(1)).body("rejected", equalTo(5))
                .body("rows[0].outcome", equalTo("CREATED")).body("rows[0].row", equalTo(2))
                .body("rows[1].reason", containsString("name"))
                .body("rows[2].reason", containsString("体育界"))
                .body("rows[3].reason", containsString("standingCommittee"))
                .body("rows[4].reason", containsString("email"))
                .body("rows[5].reason", containsString("username"));
        List<String> after = usernames("440300");
        assertEquals(1, after.stream().filter(u -> u.startsWith(p)).count());

        String again = """
                username,name,gender,sector,standingCommittee,email,mobile,termsServed
                %1$s-a,周杰,男,科技界,是,a2@example.cn,13800000001,第一届;第二届
                %1$s-c,吴敏,女,文化艺术界,否,,,
                """.formatted(p);
        importCsv(again).then().statusCode(200).body("created", equalTo(1)).body("updated", equalTo(1)).body("rejected", equalTo(0));
        importCsv(again).then().statusCode(200).body("unchanged", equalTo(2));
        assertEquals(2, usernames("440300").stream().filter(u -> u.startsWith(p)).count());
        as("admin").queryParam("sector", "科技界").queryParam("limit", 100).get("/committees/440300/members").then()
                .body("items.find { it.username == '" + p + "-a' }.email", equalTo("a2@example.cn"))
                .body("items.find { it.username == '" + p + "-a' }.termsServed", equalTo(List.of("第一届", "第二届")))
                .body("items.find { it.username == '" + p + "-a' }.standingCommittee", equalTo(true));
    }

    @Test
    void anXlsxRosterImportsToo() throws Exception {
        String p = "sx" + UUID.randomUUID().toString().substring(0, 6);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("委员");
        String[] header = {"用户名", "姓名", "界别", "工作单位", "职务"};
        String[] row = {p, "冯静", "经济界", "深圳大学", "教授"};
        for (int i = 0; i < header.length; i++) {
            ws.value(0, i, header[i]);
            ws.value(1, i, row[i]);
        }
        wb.finish();
        given().auth().oauth2(org.cppcc.platform.testkit.Tokens.of("admin"))
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").body(out.toByteArray())
                .post("/committees/440300/members/import").then().statusCode(200).body("created", equalTo(1));
        assertEquals(List.of(p), usernames("440300").stream().filter(p::equals).toList());

        // a file that is not a workbook: a plain answer, not the parser's exception text
        given().auth().oauth2(org.cppcc.platform.testkit.Tokens.of("admin"))
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").body("不是表格".getBytes(StandardCharsets.UTF_8))
                .post("/committees/440300/members/import").then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("save it from Excel or WPS"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception")));
    }

    @Test
    void importsAreForStaffAndNeedAHeader() {
        importCsv("foo,bar\n1,2\n").then().statusCode(400).contentType("application/problem+json").body("detail", containsString("username"));
        given().auth().oauth2(org.cppcc.platform.testkit.Tokens.of("gz-staff")).contentType("text/csv").body("用户名,姓名\nx1,某\n")
                .post("/committees/440300/members/import").then().statusCode(403);
    }

    @Test
    void theRegistryHoldsTermsSectorsAndSpecialCommitteesAndChecksMembersAgainstIt() {
        as("admin").body("""
                {"number":1,"name":"第一届","startsOn":"2022-01-01","endsOn":"2026-12-31",
                 "sessions":[{"number":1,"name":"一届一次会议","opensOn":"2022-01-10"},{"number":2,"name":"一届二次会议"}]}""")
                .put("/committees/440300/registry/terms/1").then().statusCode(200);
        as("admin").body("{\"number\":2,\"name\":\"第二届\",\"startsOn\":\"2027-01-01\"}").put("/committees/440300/registry/terms/1")
                .then().statusCode(400);
        as("admin").body("[\"提案委员会\",\"科技委\"]").put("/committees/440300/registry/special-committees").then().statusCode(200);
        // the list goes to the other services as a whole (proposals-service names supervisors of key proposals from it)
        assertFalse(org.cppcc.platform.testkit.TopicReader.await("members.events", e -> "org.cppcc.members.SpecialCommitteesChanged.v1"
                .equals(e.path("type").asText()) && "440300".equals(e.path("committee").asText())
                && e.path("data").path("names").toString().equals("[\"提案委员会\",\"科技委\"]"), 1, java.time.Duration.ofSeconds(30)).isEmpty());
        as("admin").get("/committees/440300/registry").then().statusCode(200)
                .body("terms[0].sessions.name", equalTo(List.of("一届一次会议", "一届二次会议")))
                .body("sectors", hasItem("科技界")).body("specialCommittees", equalTo(List.of("提案委员会", "科技委")));
        as("admin").body("{\"username\":\"sz-x1\",\"name\":\"某某\",\"sector\":\"体育界\"}").post("/committees/440300/members")
                .then().statusCode(400).body("detail", containsString("体育界"));
        as("admin").body("{\"username\":\"sz-x1\",\"name\":\"某某\",\"specialCommittee\":\"学习委\"}").post("/committees/440300/members")
                .then().statusCode(400);
        as("gd-staff").body("[\"x\"]").put("/committees/440300/registry/sectors").then().statusCode(403);
    }

    @Test
    void staffEditWithOptimisticLockingAndAMemberChangesTheirOwnContact() {
        String id = MembersTestSupport.membership("hp-member", "440112", "张伟", "经济界", false);
        long version = ((Number) as("admin").get("/committees/440112/members/" + id).then().extract().path("version")).longValue();
        String profile = as("admin").get("/committees/440112/members/" + id).then().extract().asString();
        var edit = io.restassured.path.json.JsonPath.from(profile);
        String body = """
                {"username":"hp-member","name":"%s","gender":"男","sector":"经济界","workUnit":"黄埔区某公司","jobTitle":"总经理"}"""
                .formatted(edit.getString("name"));
        // reading a member inside another transaction (here: the member records something) does not change its version
        as("hp-member").body("{\"kind\":\"LEARNING\",\"title\":\"参加读书会\",\"occurredOn\":\"2026-11-01\"}")
                .post("/committees/440112/performance/records").then().statusCode(201);
        as("admin").get("/committees/440112/members/" + id).then().body("version", equalTo((int) version));
        as("admin").header("If-Match", String.valueOf(version)).body(body).put("/committees/440112/members/" + id).then().statusCode(200)
                .body("workUnit", equalTo("黄埔区某公司"));
        as("admin").header("If-Match", String.valueOf(version)).body(body).put("/committees/440112/members/" + id).then().statusCode(409);
        as("hp-member").body("{\"email\":\"not-mail\"}").put("/committees/440112/members/me/contact").then().statusCode(400);
        as("hp-member").body("{\"email\":\"zhangwei@example.cn\",\"mobile\":\"13900001111\"}").put("/committees/440112/members/me/contact")
                .then().statusCode(200).body("mobile", equalTo("13900001111"));
        var changed = TopicReader.await("members.events", e -> id.equals(e.path("subject").asText())
                && e.path("type").asText().endsWith("MemberChanged.v1") && "13900001111".equals(e.at("/data/mobile").asText()), 1,
                Duration.ofSeconds(30));
        assertEquals("zhangwei@example.cn", changed.get(0).at("/data/email").asText());
        as("hp-staff").body("{\"mobile\":\"13900002222\"}").put("/committees/440112/members/me/contact").then().statusCode(403);
    }
}
