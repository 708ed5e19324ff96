package org.cppcc.members.performance;

/**
 * Kinds of duty-performance (履职) entries. What each is worth is not here: a committee's scoring rules
 * ({@link ScoringRules}) give the points, so a committee can adopt its own regulation without a code change.
 */
public enum PerformanceKind {
    PROPOSAL_SUBMITTED("提交提案"),
    PROPOSAL_REGISTERED("提案立案"),
    PROPOSAL_KEY("提案列为重点提案"),
    PROPOSAL_EXCELLENT("提案评为优秀提案"),
    /** 四级联动: a proposal or report recommended by the member's committee and adopted by the level above */
    PROPOSAL_CULTIVATED("提案被上级政协采纳"),
    /** 并案: a proposal merged into another still counts, a little */
    PROPOSAL_MERGED("提案被并案"),
    OPINION_SUBMITTED("报送社情民意信息"),
    OPINION_ADOPTED("社情民意信息被采用"),
    /** compiled into a 信息专报 issue */
    OPINION_INCLUDED("社情民意信息编入专报"),
    OPINION_INSTRUCTED("社情民意信息获领导批示"),
    MEETING_ATTENDED("出席会议和活动"),
    MEETING_ABSENT_WITH_LEAVE("请假缺席会议"),
    MEETING_ABSENT_WITHOUT_LEAVE("无故缺席会议"),
    CONSULTATION_INVITED("受邀参加协商"),
    CONSULTATION_SPOKE("协商或大会发言"),
    /** an opinion given in a consultation, adopted */
    CONSULTATION_OPINION_ADOPTED("协商意见被采纳"),
    /** … and turned into policy or action (成果转化) */
    CONSULTATION_OPINION_TRANSFORMED("协商意见转化为成果"),
    RESEARCH_JOINED("参加调研"),
    INSPECTION_JOINED("参加视察"),
    /** self-recorded, confirmed by staff (e.g. a visit at a 委员工作站) */
    CONSTITUENTS_CONTACTED("联系界别群众"),
    PRACTICAL_THING_DONE("为群众办实事"),
    LEARNING("参加学习活动");

    private final String label;

    PerformanceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kinds a member records themselves (staff confirm them); everything else comes from events. */
    public boolean selfRecorded() {
        return this == CONSTITUENTS_CONTACTED || this == PRACTICAL_THING_DONE || this == LEARNING;
    }

    /** Meeting attendance, for the standing committee's twice-yearly report (双通报). */
    public boolean attendance() {
        return this == MEETING_ATTENDED || this == MEETING_ABSENT_WITH_LEAVE || this == MEETING_ABSENT_WITHOUT_LEAVE;
    }
}
