package org.cppcc.proposals.submission;

/** 提案类型 */
public enum ProposalKind {
    /** 个人提案 */
    INDIVIDUAL,
    /** 联名提案 */
    JOINT,
    /** 集体提案 (by a party, a sector or a special committee) */
    COLLECTIVE
}
