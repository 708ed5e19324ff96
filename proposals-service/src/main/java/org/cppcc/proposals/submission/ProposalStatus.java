package org.cppcc.proposals.submission;

/** Where a proposal is in its life (docs/api.md has the state diagram). */
public enum ProposalStatus {
    /** 草稿: only its author sees and edits it */
    DRAFT,
    /** 已提交: waiting for the proposal office's review (审查) */
    SUBMITTED,
    /** 退回修改: returned to the author for revision */
    RETURNED,
    /** 不予立案: not registered, with a reason */
    NOT_REGISTERED,
    /** 已并案: merged into another proposal, whose authors now include this one's */
    MERGED,
    /** 已撤回: withdrawn by its author before registration */
    WITHDRAWN,
    /** 已立案: registered with a number, waiting for assignment */
    REGISTERED,
    /** 办理中: assigned to handling units (also 二次办理, the second round) */
    HANDLING,
    /** 已答复: the lead units replied; waiting for the proposer's feedback */
    REPLIED,
    /** 已办结: feedback given, handling finished */
    COMPLETED,
    /** 已归档: read-only */
    ARCHIVED
}
