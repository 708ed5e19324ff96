package org.cppcc.proposals.submission;

/** Where a proposal is in its life (docs/api.md has the state diagram). */
public enum ProposalStatus {
    /** 已提交, waiting for the proposal office's review (审查) */
    SUBMITTED
}
