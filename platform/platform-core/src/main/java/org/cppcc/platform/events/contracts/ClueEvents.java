package org.cppcc.platform.events.contracts;

import java.time.LocalDate;
import java.util.List;

/** 订单式提案 on proposals.events, keyed by clue id: a unit posts a clue, members take it and write proposals on it, it closes. */
public final class ClueEvents {

    private ClueEvents() {
    }

    public record Posted(String clueId, String title, String unitId, String unitName, LocalDate openUntil) {
    }

    public record Taken(String clueId, String title, String unitId, String userId, String name) {
    }

    /** A proposal written on the clue was submitted. */
    public record ProposalSubmitted(String clueId, String title, String unitId, String proposalId, String proposalTitle, String authorName) {
    }

    public record Closed(String clueId, String title, String unitId, List<String> takerUserIds) {
    }
}
