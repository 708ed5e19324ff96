package org.cppcc.proposals.submission;

/** 提案类型 */
public enum ProposalKind {
    /** 个人提案 */
    INDIVIDUAL,
    /** 联名提案 */
    JOINT,
    /** 集体提案 (by a party, a sector or a special committee) */
    COLLECTIVE,
    /** 建议案: the committee's own recommendation (adopted by its plenary or standing committee), filed by the proposal office */
    RECOMMENDATION;

    /** Filed by the office for a body, not by a member: no author's sector, no co-signers. */
    public boolean collective() {
        return this == COLLECTIVE || this == RECOMMENDATION;
    }
}
