package org.cppcc.members.performance;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.cppcc.members.performance.PerformanceKind.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The arithmetic of a yearly score: item caps (both ways), aspect caps, the zero floor, grades and homework. */
class ScoreTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static final ScoringRules RULES = new ScoringRules(List.of(
            new ScoringRules.Aspect("提案", List.of(new ScoringRules.Item(PROPOSAL_SUBMITTED, d("3"), d("9")),
                    new ScoringRules.Item(PROPOSAL_KEY, d("10"), null)), d("20")),
            new ScoringRules.Aspect("会议", List.of(new ScoringRules.Item(MEETING_ATTENDED, d("2"), null),
                    new ScoringRules.Item(MEETING_ABSENT_WITHOUT_LEAVE, d("-5"), d("8"))), null)),
            new ScoringRules.Grades(d("20"), d("15"), d("5")),
            List.of(new ScoringRules.HomeworkItem(PROPOSAL_SUBMITTED, 1), new ScoringRules.HomeworkItem(PRACTICAL_THING_DONE, 1)), 180);

    @Test
    void itemCapsBoundBonusesAndDeductionsAndTheAspectCapBoundsTheSubtotal() {
        Score s = Score.of(RULES, Map.of(PROPOSAL_SUBMITTED, 5L, PROPOSAL_KEY, 2L, MEETING_ATTENDED, 3L, MEETING_ABSENT_WITHOUT_LEAVE, 4L));
        assertEquals(d("9"), s.aspects().get(0).items().get(0).points()); // 5 × 3 capped at 9
        assertEquals(0, d("20").compareTo(s.aspects().get(0).points())); // 9 + 20 capped at 20
        assertEquals(d("-8"), s.aspects().get(1).items().get(1).points()); // 4 × −5 capped at −8
        assertEquals(0, d("18").compareTo(s.total())); // 20 + (6 − 8)
        assertEquals(Score.Grade.GOOD, s.grade());
    }

    @Test
    void deductionsStopAtZeroAndNothingDoneFails() {
        Score s = Score.of(RULES, Map.of(MEETING_ABSENT_WITHOUT_LEAVE, 1L));
        assertEquals(0, BigDecimal.ZERO.compareTo(s.total()));
        assertEquals(Score.Grade.FAIL, s.grade());
    }

    @Test
    void homeworkIsDoneWhenEveryRequiredKindIsReached() {
        assertFalse(Score.of(RULES, Map.of(PROPOSAL_SUBMITTED, 3L)).homeworkDone());
        Score s = Score.of(RULES, Map.of(PROPOSAL_SUBMITTED, 1L, PRACTICAL_THING_DONE, 1L));
        assertTrue(s.homeworkDone());
        assertEquals(List.of(1L, 1L), s.homework().stream().map(Score.Homework::done).toList());
    }

    @Test
    void theDefaultRulesAreValidAndScoreEveryKindOnce() {
        ScoringRules defaults = ScoringRules.defaults().checked();
        assertEquals(6, defaults.aspects().size());
        assertEquals(PerformanceKind.values().length, defaults.aspects().stream().mapToLong(a -> a.items().size()).sum());
    }
}
