package org.cppcc.platform.events.contracts;

import java.time.Instant;

/** A member submitted a proposal (提交提案); the proposal office must now review it. */
public record ProposalSubmitted(String proposalId, String title, String kind, String authorUserId, String authorName,
                                Instant submittedAt) {
}
