package org.cppcc.consultation.activities;

/** 协商形式: the forms of consultation a committee holds. */
public enum ConsultationForm {
    /** 全体会议 */
    PLENARY,
    /** 议政性常委会 */
    STANDING_COMMITTEE,
    /** 专题协商会 */
    THEMATIC,
    /** 双月协商座谈会 */
    BIMONTHLY,
    /** 对口协商 */
    COUNTERPART,
    /** 界别协商 */
    SECTOR,
    /** 提案办理协商 */
    PROPOSAL_HANDLING,
    /** "一起来商量": city leaders face to face with members */
    TOGETHER,
    /** "身边事好商量": grassroots consultation with residents */
    NEIGHBOURHOOD,
    /** "委员议事厅" */
    DELIBERATION_HALL,
    /** 网络议政 / 远程协商 */
    ONLINE,
    /** 调研: members' research trip (counts as research in their 履职 record) */
    RESEARCH,
    /** 视察: inspection */
    INSPECTION
}
