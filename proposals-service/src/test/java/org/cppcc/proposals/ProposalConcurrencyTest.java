package org.cppcc.proposals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.Tokens;
import org.cppcc.platform.testkit.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.cppcc.proposals.ProposalLifecycleTest.registered;
import static org.cppcc.proposals.ProposalLifecycleTest.step;
import static org.cppcc.proposals.ProposalsTestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Steps that can meet on one proposal, raced from many threads: every race ends in a valid state, and each
 * transition that happened is announced exactly once.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ProposalConcurrencyTest {

    static final int ROUNDS = 4;
    static final String REPLY_A = "{\"classification\":\"A\",\"body\":\"已采纳\"}";
    static final String REPLY_B = "{\"classification\":\"B\",\"body\":\"列入计划\"}";
    static final String UNSATISFIED = "{\"replyRating\":\"UNSATISFIED\",\"contactRating\":\"SATISFIED\"}";

    static String unitA;
    static String unitB;
    static String unitC;
    static boolean rosterReady;

    @BeforeEach
    void setUp() {
        ProposalsTestSupport.committeesAnnounced();
        if (unitA == null) {
            String s = UUID.randomUUID().toString().substring(0, 6);
            unitA = unit("并发甲局" + s, "hp-unit");
            unitB = unit("并发乙局" + s, "hp-unit2");
            unitC = unit("并发丙局" + s, "hp-unit2");
        }
        // tokens fetched before the race, so the threads start together
        List.of("hp-member", "hp-member2", "hp-staff", "hp-unit", "hp-unit2").forEach(Tokens::of);
    }

    static String unit(String name, String officer) {
        return as("hp-staff").body(Map.of("name", name, "officers", List.of(officer))).post("/committees/440112/handling-units")
                .then().statusCode(201).extract().path("id");
    }

    static String assigned(String title, List<String> leads) {
        String id = registered(title);
        step("hp-staff", id, "assign", "{\"leads\":" + quoted(leads) + "}").statusCode(200);
        return id;
    }

    static String quoted(List<String> ids) {
        return ids.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    /** Runs the calls at the same moment; their HTTP status codes, in order. */
    @SafeVarargs
    @SuppressWarnings("varargs")
    static List<Integer> race(Callable<Integer>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> c : calls) {
                results.add(pool.submit(() -> {
                    go.await();
                    return c.call();
                }));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : results) {
                codes.add(f.get(60, TimeUnit.SECONDS));
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }

    static Callable<Integer> call(String user, String id, String stepName, String body) {
        return () -> step(user, id, stepName, body).extract().statusCode();
    }

    static String status(String id) {
        return as("hp-staff").get("/committees/440112/proposals/" + id).then().statusCode(200).extract().path("status");
    }

    static List<Map<String, Object>> assignments(String id) {
        return as("hp-staff").get("/committees/440112/proposals/" + id + "/assignments").then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** The proposal's events of one type on Kafka, counted once per event id (the relay may publish a row twice). */
    static List<JsonNode> events(String id, String type, int expected) {
        List<JsonNode> found = TopicReader.await("proposals.events",
                e -> id.equals(e.path("subject").asText()) && e.path("type").asText().endsWith("." + type + ".v1"), expected, Duration.ofSeconds(30));
        return new ArrayList<>(found.stream().collect(Collectors.toMap(e -> e.get("id").asText(), e -> e, (a, b) -> a)).values());
    }

    @Test
    void twoLeadUnitsReplyingAtOnceLeaveTheProposalReplied() throws Exception {
        // many proposals, each with two leads, all replies at once: the more that overlap, the surer the race
        List<String> ids = new ArrayList<>();
        List<Callable<Integer>> replies = new ArrayList<>();
        for (int i = 0; i < 3 * ROUNDS; i++) {
            String id = assigned("两个主办单位同时答复" + i, List.of(unitA, unitB));
            ids.add(id);
            replies.add(call("hp-unit", id, "reply", REPLY_A));
            replies.add(call("hp-unit2", id, "reply", REPLY_B));
        }
        List<Integer> codes = race(replies.toArray(Callable[]::new));
        assertTrue(codes.stream().allMatch(c -> c == 200), codes.toString());
        for (String id : ids) {
            assertEquals("REPLIED", status(id), "both leads replied, so the proposer is asked for feedback");
            assertTrue(assignments(id).stream().allMatch(a -> "REPLIED".equals(a.get("status"))), assignments(id).toString());
            List<JsonNode> replied = events(id, "ProposalReplied", 2);
            assertEquals(2, replied.size());
            assertEquals(1, replied.stream().filter(e -> e.at("/data/allLeadsReplied").asBoolean()).count(),
                    "exactly one reply completes the round");
        }
    }

    @Test
    void aReplyRacingTheSameUnitsReturnRequestHasOneWinner() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            String id = assigned("答复与退回申请同时" + i, List.of(unitA));
            List<Integer> codes = race(call("hp-unit", id, "reply", REPLY_A),
                    call("hp-unit", id, "return-request", "{\"reason\":\"不属于本单位职责\"}"));
            assertEquals(List.of(200, 409), codes.stream().sorted().toList(), codes.toString());
            String assignment = (String) assignments(id).get(0).get("status");
            if (codes.get(0) == 200) {
                assertEquals("REPLIED", status(id));
                assertEquals("REPLIED", assignment);
                assertEquals(1, events(id, "ProposalReplied", 1).size());
            } else {
                assertEquals("HANDLING", status(id));
                assertEquals("RETURN_REQUESTED", assignment);
                assertEquals(1, events(id, "ReturnRequested", 1).size());
            }
        }
    }

    @Test
    void feedbackRacingAReassignmentEndsWithOneOpenLead() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            String id = assigned("反馈与改派同时" + i, List.of(unitA));
            step("hp-unit", id, "reply", REPLY_A).statusCode(200);
            List<Integer> codes = race(call("hp-member", id, "feedback", UNSATISFIED),
                    call("hp-staff", id, "reassign", "{\"fromUnit\":\"" + unitA + "\",\"toUnit\":\"" + unitC + "\"}"));
            assertEquals(200, codes.get(0), "the proposer's feedback always counts");
            assertEquals("HANDLING", status(id), "不满意 in round 1 starts 二次办理");
            List<Map<String, Object>> open = assignments(id).stream()
                    .filter(a -> ((Number) a.get("round")).intValue() == 2 && "OPEN".equals(a.get("status"))).toList();
            assertEquals(1, open.size(), open.toString());
            assertEquals(codes.get(1) == 200 ? unitC : unitA, open.get(0).get("unitId"));
            assertEquals(1, events(id, "FeedbackGiven", 1).size());
            int assignedEvents = codes.get(1) == 200 ? 3 : 2;
            assertEquals(assignedEvents, events(id, "ProposalAssigned", assignedEvents).size());
        }
    }

    @Test
    void anInvitedMemberAnsweringTwiceAtOnceIsCountedOnce() throws Exception {
        if (!rosterReady) {
            JointMergeAndReturnsTest.joined("hp-member", "张伟");
            JointMergeAndReturnsTest.joined("hp-member2", "李华");
            await().atMost(Duration.ofSeconds(60)).until(() -> as("hp-member").body(JointMergeAndReturnsTest.joint("并发名册就绪"))
                    .post("/committees/440112/proposals").statusCode() == 201);
            rosterReady = true;
        }
        for (int i = 0; i < ROUNDS; i++) {
            String id = as("hp-member").body(JointMergeAndReturnsTest.joint("同时应邀联名" + i)).post("/committees/440112/proposals")
                    .then().statusCode(201).extract().path("id");
            List<Integer> codes = race(call("hp-member2", id, "cosign", "{\"accept\":true}"), call("hp-member2", id, "cosign", "{\"accept\":false}"));
            assertEquals(List.of(200, 409), codes.stream().sorted().toList(), codes.toString());
            List<Map<String, Object>> cosigners = as("hp-member").get("/committees/440112/proposals/" + id + "/cosigners").then()
                    .statusCode(200).extract().jsonPath().getList("$");
            assertEquals(codes.get(0) == 200 ? "ACCEPTED" : "DECLINED", cosigners.get(0).get("status"));
            assertEquals(1, events(id, "CosignAnswered", 1).size());
        }
    }

    @Test
    void reHandlingReopensOnlyTheUnitsThatAnswered() {
        String id = assigned("二次办理只重开答复单位", List.of(unitA, unitB));
        // 乙局 gives its part back and the office moves it to 丙局, which replies with 甲局
        step("hp-unit2", id, "return-request", "{\"reason\":\"不属于本单位职责\"}").statusCode(200);
        step("hp-staff", id, "reassign", "{\"fromUnit\":\"" + unitB + "\",\"toUnit\":\"" + unitC + "\"}").statusCode(200);
        step("hp-unit", id, "reply", REPLY_A).statusCode(200);
        step("hp-unit2", id, "reply", REPLY_B).statusCode(200);
        step("hp-member", id, "feedback", UNSATISFIED).statusCode(200);
        List<Object> reopened = assignments(id).stream().filter(a -> ((Number) a.get("round")).intValue() == 2).map(a -> a.get("unitId")).toList();
        assertEquals(2, reopened.size(), reopened.toString());
        assertTrue(reopened.containsAll(List.of(unitA, unitC)), "乙局 was moved away and is not asked again: " + reopened);
    }
}
