package org.cppcc.members.performance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A member's yearly score under a committee's rules, from how many entries of each kind they have. */
public record Score(BigDecimal total, Grade grade, List<AspectScore> aspects, List<Homework> homework, boolean homeworkDone) {

    public enum Grade {
        EXCELLENT("优秀"), GOOD("良好"), PASS("合格"), FAIL("不合格");

        private final String label;

        Grade(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record ItemScore(PerformanceKind kind, String label, long count, BigDecimal points) {
    }

    public record AspectScore(String name, BigDecimal points, BigDecimal cap, List<ItemScore> items) {
    }

    public record Homework(PerformanceKind kind, String label, int required, long done) {
    }

    public static Score of(ScoringRules rules, Map<PerformanceKind, Long> counts) {
        List<AspectScore> aspects = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (ScoringRules.Aspect a : rules.aspects()) {
            BigDecimal sub = BigDecimal.ZERO;
            List<ItemScore> items = new ArrayList<>();
            for (ScoringRules.Item i : a.items()) {
                long n = counts.getOrDefault(i.kind(), 0L);
                BigDecimal points = i.points().multiply(BigDecimal.valueOf(n));
                if (i.cap() != null && points.abs().compareTo(i.cap()) > 0) { // a cap bounds bonuses and deductions alike
                    points = points.signum() < 0 ? i.cap().negate() : i.cap();
                }
                items.add(new ItemScore(i.kind(), i.kind().label(), n, points));
                sub = sub.add(points);
            }
            if (a.cap() != null && sub.compareTo(a.cap()) > 0) {
                sub = a.cap();
            }
            aspects.add(new AspectScore(a.name(), sub, a.cap(), items));
            total = total.add(sub);
        }
        total = total.max(BigDecimal.ZERO); // deductions take a score down to zero, not below
        List<Homework> homework = rules.homework().stream()
                .map(h -> new Homework(h.kind(), h.kind().label(), h.count(), counts.getOrDefault(h.kind(), 0L))).toList();
        return new Score(total, grade(rules.grades(), total), aspects, homework, homework.stream().allMatch(h -> h.done() >= h.required()));
    }

    private static Grade grade(ScoringRules.Grades g, BigDecimal total) {
        if (total.compareTo(g.excellent()) >= 0) {
            return Grade.EXCELLENT;
        }
        if (total.compareTo(g.good()) >= 0) {
            return Grade.GOOD;
        }
        return total.compareTo(g.pass()) >= 0 ? Grade.PASS : Grade.FAIL;
    }

    /** Points one entry of this kind is worth under these rules (before caps); zero if the rules do not score it. */
    public static BigDecimal pointsOf(ScoringRules rules, PerformanceKind kind) {
        return rules.aspects().stream().flatMap(a -> a.items().stream()).filter(i -> i.kind() == kind)
                .map(ScoringRules.Item::points).findFirst().orElse(BigDecimal.ZERO);
    }
}
