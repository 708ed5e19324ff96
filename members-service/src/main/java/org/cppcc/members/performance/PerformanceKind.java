package org.cppcc.members.performance;

import java.math.BigDecimal;

/**
 * Kinds of duty-performance (履职) entries with their default points. Per-committee scoring rules
 * (aspects, items, caps, deductions) will replace the defaults; entries keep the points they were given.
 */
public enum PerformanceKind {
    /** 提交提案 */
    PROPOSAL_SUBMITTED(new BigDecimal("2")),
    /** 提案立案 */
    PROPOSAL_REGISTERED(new BigDecimal("3")),
    /** 重点提案 */
    PROPOSAL_KEY(new BigDecimal("5")),
    /** 并案: a proposal merged into another still counts, a little */
    PROPOSAL_MERGED(new BigDecimal("1"));

    private final BigDecimal defaultPoints;

    PerformanceKind(BigDecimal defaultPoints) {
        this.defaultPoints = defaultPoints;
    }

    public BigDecimal defaultPoints() {
        return defaultPoints;
    }
}
