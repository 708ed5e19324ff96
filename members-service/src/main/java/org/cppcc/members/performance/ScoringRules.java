package org.cppcc.members.performance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cppcc.platform.problem.Problems;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.cppcc.members.performance.PerformanceKind.*;

/**
 * A committee's 履职 scoring regulation: aspects of items with points (negative points are deductions),
 * optional yearly caps per item and per aspect, grade thresholds, the yearly homework (作业) and when a
 * member counts as inactive. Scores are always computed from the entries under the current rules, so
 * changing the rules recomputes every score.
 */
public record ScoringRules(@NotEmpty @Size(max = 12) List<@Valid @NotNull Aspect> aspects,
                           @Valid @NotNull Grades grades,
                           @NotNull @Size(max = 10) List<@Valid @NotNull HomeworkItem> homework,
                           @Min(30) @Max(730) int inactiveDays) {

    /** One aspect (方面) and its items; cap bounds the aspect's yearly subtotal. */
    public record Aspect(@NotBlank @Size(max = 50) String name, @NotEmpty List<@Valid @NotNull Item> items,
                         @DecimalMin("0") BigDecimal cap) {
    }

    /** One item (项): points per entry of its kind; cap bounds its yearly absolute total. */
    public record Item(@NotNull PerformanceKind kind, @NotNull @DecimalMin("-100") @DecimalMax("100") BigDecimal points,
                       @DecimalMin("0") BigDecimal cap) {
    }

    /** Score thresholds: 优秀 (excellent) ≥ excellent, 良好 ≥ good, 合格 ≥ pass, else 不合格. */
    public record Grades(@NotNull @DecimalMin("0") BigDecimal excellent, @NotNull @DecimalMin("0") BigDecimal good,
                         @NotNull @DecimalMin("0") BigDecimal pass) {
    }

    /** 作业: at least this many entries of this kind each year. */
    public record HomeworkItem(@NotNull PerformanceKind kind, @Min(1) @Max(50) int count) {
    }

    /** Checks what annotations cannot: each kind scored once, thresholds in order. */
    public ScoringRules checked() {
        Set<PerformanceKind> seen = new HashSet<>();
        for (Aspect a : aspects) {
            for (Item i : a.items()) {
                if (!seen.add(i.kind())) {
                    throw Problems.badRequest(i.kind() + " is scored twice; each kind belongs to one item of one aspect");
                }
            }
        }
        if (grades.excellent().compareTo(grades.good()) < 0 || grades.good().compareTo(grades.pass()) < 0) {
            throw Problems.badRequest("grades must satisfy excellent ≥ good ≥ pass");
        }
        if (homework.stream().map(HomeworkItem::kind).distinct().count() != homework.size()) {
            throw Problems.badRequest("each homework kind may appear once");
        }
        return this;
    }

    private static Item item(PerformanceKind kind, String points, String cap) {
        return new Item(kind, new BigDecimal(points), cap == null ? null : new BigDecimal(cap));
    }

    /** The platform default, modelled on the "六个方面" quantified assessment; committees adapt it. */
    public static ScoringRules defaults() {
        return new ScoringRules(List.of(
                new Aspect("参加会议活动", List.of(item(MEETING_ATTENDED, "2", "30"), item(MEETING_ABSENT_WITH_LEAVE, "0", null),
                        item(MEETING_ABSENT_WITHOUT_LEAVE, "-5", "20")), new BigDecimal("30")),
                new Aspect("提交提案", List.of(item(PROPOSAL_SUBMITTED, "3", "15"), item(PROPOSAL_REGISTERED, "2", null),
                        item(PROPOSAL_KEY, "5", null), item(PROPOSAL_EXCELLENT, "10", null), item(PROPOSAL_MERGED, "1", null),
                        item(PROPOSAL_CULTIVATED, "6", null)),
                        new BigDecimal("40")),
                new Aspect("反映社情民意", List.of(item(OPINION_SUBMITTED, "2", "10"), item(OPINION_INCLUDED, "3", null),
                        item(OPINION_ADOPTED, "4", null),
                        item(OPINION_INSTRUCTED, "8", null)), new BigDecimal("30")),
                new Aspect("参与协商议政", List.of(item(CONSULTATION_INVITED, "0", null), item(CONSULTATION_SPOKE, "4", null),
                        item(CONSULTATION_OPINION_ADOPTED, "3", null), item(CONSULTATION_OPINION_TRANSFORMED, "5", null)),
                        new BigDecimal("20")),
                new Aspect("参加调研视察", List.of(item(RESEARCH_JOINED, "3", null), item(INSPECTION_JOINED, "3", null)),
                        new BigDecimal("20")),
                new Aspect("联系群众与履职实践", List.of(item(CONSTITUENTS_CONTACTED, "2", "10"), item(PRACTICAL_THING_DONE, "5", null),
                        item(LEARNING, "1", "5")), new BigDecimal("20"))),
                new Grades(new BigDecimal("80"), new BigDecimal("60"), new BigDecimal("30")),
                List.of(new HomeworkItem(PROPOSAL_SUBMITTED, 1), new HomeworkItem(OPINION_SUBMITTED, 1),
                        new HomeworkItem(PRACTICAL_THING_DONE, 1)),
                180);
    }
}
