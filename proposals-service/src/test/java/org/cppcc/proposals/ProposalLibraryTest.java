package org.cppcc.proposals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.cppcc.proposals.ProposalsTestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * 提案库 search in Chinese: a phrase inside a longer title, text or reply is found (title hits first, then newest
 * first), two- and one-character queries too, separated words are each required but a phrase is not split, drafts
 * are not searched, filters narrow, cursors page; other committees and members search nothing here. Each run marks
 * its proposals with two random Chinese characters, so the shared test data of other classes stays out.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ProposalLibraryTest {

    @BeforeEach
    void setUp() {
        ProposalsTestSupport.committeesAnnounced();
    }

    private static String filed(String title, String body, boolean draft) {
        return as("hp-member").body("{\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"publishConsent\":true"
                + (draft ? ",\"draft\":true" : "") + "}").post("/committees/440112/proposals").then().statusCode(201).extract().path("id");
    }

    private static JsonPath search(String user, String committee, String query) {
        return as(user).get("/committees/" + committee + "/proposals/search?" + query).then().statusCode(200).extract().jsonPath();
    }

    /** The query as typed (REST Assured encodes the URL). */
    private static String q(String words) {
        return "q=" + words;
    }

    @Test
    void chinesePhrasesAreFoundInTitlesTextsAndRepliesTitleHitsFirst() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String mark = new String(Character.toChars(0x4E00 + r.nextInt(0x5000))) + new String(Character.toChars(0x4E00 + r.nextInt(0x5000)));
        String inTitle = filed("关于" + mark + "社区养老服务的提案", "建议统筹推进。", false);
        String inText = filed("关于" + mark + "城市更新的提案", "建议加快发展社区养老服务体系建设，完善配套。", false);
        String inReply = filed("关于" + mark + "教育均衡的提案", "建议优化学位供给。", false);
        String apart = filed("关于" + mark + "民生实事的提案", "养老和服务都要兼顾。", false);
        filed("关于" + mark + "养老服务的草稿", "草稿不进入提案库。", true);
        String unit = as("hp-staff").body("{\"name\":\"检索测试局" + UUID.randomUUID().toString().substring(0, 8) + "\",\"officers\":[\"hp-unit\"]}")
                .post("/committees/440112/handling-units").then().statusCode(201).extract().path("id");
        as("hp-staff").post("/committees/440112/proposals/" + inReply + "/register").then().statusCode(200);
        as("hp-staff").body("{\"leads\":[\"" + unit + "\"]}").post("/committees/440112/proposals/" + inReply + "/assign").then().statusCode(200);
        as("hp-unit").body("{\"classification\":\"B\",\"body\":\"已将养老服务中心建设列入明年计划。\"}")
                .post("/committees/440112/proposals/" + inReply + "/reply").then().statusCode(200);

        // the phrase: the title hit first, then the others newest first; the words apart and the draft are not found
        JsonPath phrase = search("hp-staff", "440112", q("养老服务 " + mark));
        assertEquals(List.of(inTitle, inReply, inText), phrase.getList("items.id"));
        assertEquals(List.of(true, false, false), phrase.getList("items.inTitle"));
        // two characters (most Chinese words), and one
        assertEquals(List.of(inTitle, apart, inReply, inText), search("hp-staff", "440112", q("养老 " + mark)).getList("items.id"));
        assertEquals(List.of(inTitle, apart, inReply, inText), search("hp-staff", "440112", q("养 " + mark)).getList("items.id"));
        // separate words are each required, in any order; punctuation separates like a space
        assertEquals(List.of(apart), search("hp-staff", "440112", q("兼顾，养老 " + mark)).getList("items.id"));

        // page by page, one at a time, in the same order
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = search("hp-staff", "440112", q("养老服务 " + mark) + "&limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            paged.addAll(page.getList("items.id"));
            cursor = page.getString("next");
        } while (cursor != null);
        assertEquals(List.of(inTitle, inReply, inText), paged);

        // filters narrow: by state, by the unit it was assigned to
        assertEquals(List.of(inReply), search("hp-staff", "440112", q("养老服务 " + mark) + "&status=REPLIED").getList("items.id"));
        assertEquals(List.of(inReply), search("hp-staff", "440112", q(mark) + "&unitId=" + unit).getList("items.id"));
        assertEquals(List.of(), search("hp-staff", "440112", q("养老服务 " + mark) + "&kind=COLLECTIVE").getList("items.id"));

        // nobody else searches here: another committee's office finds nothing of it at home and may not search here
        assertEquals(List.of(), search("gz-staff", "440100", q(mark)).getList("items.id"));
        as("gz-staff").get("/committees/440112/proposals/search?" + q(mark)).then().statusCode(403);
        as("hp-member").get("/committees/440112/proposals/search?" + q(mark)).then().statusCode(403);
        // bad input: a clear problem
        as("hp-staff").get("/committees/440112/proposals/search").then().statusCode(400).contentType("application/problem+json");
        as("hp-staff").get("/committees/440112/proposals/search?" + q("，。！")).then().statusCode(400).contentType("application/problem+json");
        as("hp-staff").get("/committees/440112/proposals/search?" + q(mark) + "&cursor=bm9wZQ").then().statusCode(400);
        as("hp-staff").get("/committees/440112/proposals/search?" + q(mark) + "&status=NONSENSE").then().statusCode(400);
        assertNull(search("hp-staff", "440112", q(mark) + "&limit=100").getString("next"));
    }
}
