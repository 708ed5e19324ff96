package org.cppcc.proposals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.cppcc.platform.tenancy.CommitteeScope;
import org.cppcc.proposals.statistics.SessionFigureFold;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.cppcc.proposals.ProposalsTestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 提案统计 against a hand-counted session: 黄埔区 switches to a session of its own (term 7, session 3) for the
 * test, files six proposals (one a draft) and takes them through review, assignment, replies and feedback to two
 * fresh units; every figure is compared with what a person counts by hand. Supervision from above reads it; a
 * member and a sibling committee do not.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class StatisticsTest {

    @Inject
    SessionFigureFold fold;
    @Inject
    EntityManager em;
    @Inject
    CommitteeScope scope;

    @BeforeEach
    void setUp() {
        ProposalsTestSupport.committeesAnnounced();
    }

    private static String filed(String title, boolean draft) {
        return as("hp-member").body("{\"title\":\"" + title + "\",\"body\":\"统计测试。\",\"publishConsent\":true" + (draft ? ",\"draft\":true" : "")
                + "}").post("/committees/440112/proposals").then().statusCode(201).extract().path("id");
    }

    private static void step(String user, String id, String step, String body) {
        var r = as(user);
        if (body != null) {
            r = r.body(body);
        }
        r.post("/committees/440112/proposals/" + id + "/" + step).then().statusCode(200);
    }

    @Test
    void aSessionsFiguresMatchAHandCount() {
        // the member's sector, as members-service announces it: proposals keep it when filed
        CultivationTest.joined("440112", "hp-member", "张伟");
        TopicReader.awaitConsumed("proposals-service", Duration.ofSeconds(60), "members.events");
        ProposalsTestSupport.inSessionOf440112(7, 3, () -> {
            String s = UUID.randomUUID().toString().substring(0, 8);
            String u1 = as("hp-staff").body("{\"name\":\"统计甲局" + s + "\",\"officers\":[\"hp-unit\"]}").post("/committees/440112/handling-units")
                    .then().statusCode(201).extract().path("id");
            String u2 = as("hp-staff").body("{\"name\":\"统计乙局" + s + "\",\"officers\":[\"hp-unit2\"]}").post("/committees/440112/handling-units")
                    .then().statusCode(201).extract().path("id");
            String p1 = filed("统计一", false);
            String p2 = filed("统计二", false);
            String p3 = filed("统计三", false);
            String p4 = filed("统计四", false);
            filed("统计五", false); // stays in review
            filed("统计六", true); // a draft: not filed

            step("hp-staff", p1, "register", null);
            step("hp-staff", p2, "register", null);
            step("hp-staff", p3, "register", null);
            step("hp-staff", p4, "not-register", "{\"reason\":\"不属于提案范围\"}");
            step("hp-staff", p1, "assign", "{\"leads\":[\"" + u1 + "\"],\"coHandlers\":[\"" + u2 + "\"]}");
            step("hp-staff", p2, "assign", "{\"leads\":[\"" + u1 + "\"]}");
            step("hp-staff", p3, "assign", "{\"leads\":[\"" + u2 + "\"]}");
            step("hp-unit", p1, "reply", "{\"classification\":\"A\",\"body\":\"已解决\"}");
            step("hp-member", p1, "feedback", "{\"replyRating\":\"SATISFIED\",\"contactRating\":\"SATISFIED\"}");
            step("hp-unit", p2, "reply", "{\"classification\":\"B\",\"body\":\"列入计划\"}");
            step("hp-member", p2, "feedback", "{\"replyRating\":\"UNSATISFIED\",\"contactRating\":\"SATISFIED\"}"); // → 二次办理

            JsonPath f = as("hp-staff").get("/committees/440112/statistics?term=7&session=3").then().statusCode(200).extract().jsonPath();
            // by hand: five filed (the draft is not), three registered, one not, one in review
            assertEquals(Map.of("filed", 5, "registered", 3, "notRegistered", 1, "merged", 0, "inReview", 1, "keyProposals", 0,
                    "published", 0, "adoptedFromBelow", 0, "writtenOnClues", 0, "registrationRate", 0.6f), f.getMap("proposals"));
            assertEquals(Map.of("COMPLETED", 1, "HANDLING", 2, "NOT_REGISTERED", 1, "SUBMITTED", 1), f.getMap("byStatus"));
            assertEquals(Map.of("INDIVIDUAL", 5), f.getMap("byKind"));
            assertEquals(List.of(Map.of("sector", "经济界", "filed", 5, "registered", 3)), f.getList("bySector"));
            // 甲局: led 一 and 二, replied both on time (A, B), rated satisfied and unsatisfied; 二 went to a second round
            Map<String, Object> first = f.getMap("units.find { it.unitId == '" + u1 + "' }");
            Map<String, Object> expected = new HashMap<>(Map.of("lead", 2, "co", 0, "replied", 2, "repliedOnTime", 2, "replyRate", 1.0f,
                    "onTimeRate", 1.0f, "open", 1, "overdue", 0, "reHandled", 1, "a", 1));
            expected.putAll(Map.of("b", 1, "c", 0, "satisfied", 1, "basicallySatisfied", 0, "unsatisfied", 1, "satisfactionRate", 0.5f,
                    "extended", 0,
                    "unitId", u1, "unitName", "统计甲局" + s));
            assertEquals(expected, first);
            // 乙局: led 三 (open), co-handled 一; nothing replied or rated yet
            JsonPath second = new JsonPath(f.prettify()).setRootPath("units.find { it.unitId == '" + u2 + "' }");
            assertEquals(List.of(1, 1, 0, 1, 0), List.of(second.getInt("lead"), second.getInt("co"), second.getInt("replied"),
                    second.getInt("open"), second.getInt("reHandled")));
            assertEquals(0.0f, second.getFloat("replyRate"));
            assertNull(second.get("satisfactionRate"), "no rating, no rate");
            assertEquals(2, f.getList("units").size(), "only the units with assignments in the session");

            // folding the deltas into one row per group changes no figure
            assertTrue(fold.foldBusySessions(1) >= 1, "the session had deltas to fold");
            assertEquals(f.prettify(), as("hp-staff").get("/committees/440112/statistics?term=7&session=3").then().statusCode(200)
                    .extract().jsonPath().prettify());
            assertEquals(0L, count("select 1 from proposal_figure where not folded"), "every delta folded");

            // supervision from above reads the figures; a member and a sibling do not; a bad year is refused
            as("gz-staff").get("/committees/440112/statistics?term=7&session=3").then().statusCode(200);
            as("qg-staff").get("/committees/440112/statistics?term=7&session=3").then().statusCode(200);
            as("sz-staff").get("/committees/440112/statistics").then().statusCode(403);
            as("hp-member").get("/committees/440112/statistics").then().statusCode(403);
            as("hp-staff").get("/committees/440112/statistics?year=99999").then().statusCode(400).contentType("application/problem+json");
        });
    }

    /**
     * The figures are kept by a trigger as deltas (ADR 0016): whatever steps and folds interleave, the groups they
     * sum to are exactly the groups a count of the proposals gives — compared in one statement (one snapshot).
     */
    @Test
    void theFiguresKeptAsDeltasAgreeWithTheProposalsWhateverFoldsInterleave() {
        ProposalsTestSupport.inSessionOf440112(7, 4, () -> {
            AtomicBoolean filing = new AtomicBoolean(true);
            CompletableFuture<Integer> folding = CompletableFuture.supplyAsync(() -> {
                int folds = 0;
                while (filing.get()) {
                    folds += fold.foldBusySessions(1);
                }
                return folds;
            });
            try {
                CompletableFuture.allOf(IntStream.range(0, 4).mapToObj(i -> CompletableFuture.runAsync(() -> {
                    for (int k = 0; k < 4; k++) {
                        String id = filed("折叠" + i + "-" + k, false);
                        if (k % 2 == 0) {
                            step("hp-staff", id, "register", null);
                        } else if (k == 3) {
                            step("hp-staff", id, "not-register", "{\"reason\":\"不属于提案范围\"}");
                        }
                    }
                })).toArray(CompletableFuture[]::new)).join();
            } finally {
                filing.set(false);
            }
            assertTrue(folding.join() >= 1, "folds ran while proposals were filed and registered");
            assertEquals(16L, count("select 1 from proposal where committee = '440112' and term = 7 and session = 4"));
            assertEquals(0L, count("select 1 from ((select * from kept except select * from counted) "
                    + "union all (select * from counted except select * from kept)) differing"), "the kept groups are the proposals' groups");
            JsonPath f = as("hp-staff").get("/committees/440112/statistics?term=7&session=4").then().statusCode(200).extract().jsonPath();
            assertEquals(Map.of("REGISTERED", 8, "NOT_REGISTERED", 4, "SUBMITTED", 4), f.getMap("byStatus"));
        });
    }

    /** Rows of a query of every committee's rows, which may read the groups {@code kept} as deltas and {@code counted} from the proposals. */
    private long count(String query) {
        return scope.across(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                with kept as (select committee, term, session, status, kind, sector, key_proposal, published, from_below, on_clue, tags,
                                     sum(n)::bigint n from proposal_figure group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 having sum(n) <> 0),
                     counted as (select committee, term, session, status, kind, coalesce(author_sector, ''), key_proposal, published,
                                        cultivated_from is not null, clue_id is not null, tags, count(*) from proposal
                                  where status <> 'DRAFT' and term is not null and session is not null group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
                select count(*) from (""" + query + ") q").getSingleResult()).longValue()));
    }
}
