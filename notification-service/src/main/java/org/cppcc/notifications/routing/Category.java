package org.cppcc.notifications.routing;

import org.cppcc.notifications.delivery.Channel;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** What a message is about; decides its priority and so the channels a person gets it on unless they choose otherwise. */
public enum Category {
    PROPOSAL_REVIEW("proposal.review", Priority.NORMAL),
    PROPOSAL_RECEIPT("proposal.receipt", Priority.LOW),
    PROPOSAL_DECISION("proposal.decision", Priority.NORMAL),
    COSIGN_INVITED("cosign.invited", Priority.HIGH),
    COSIGN_ANSWERED("cosign.answered", Priority.LOW),
    RETURN_REQUESTED("assignment.return-requested", Priority.NORMAL),
    PROPOSAL_KEY("proposal.key", Priority.NORMAL),
    PROPOSAL_ASSIGNED("proposal.assigned", Priority.NORMAL),
    ASSIGNMENT_DUE("assignment.due", Priority.HIGH),
    ASSIGNMENT_OVERDUE("assignment.overdue", Priority.HIGH),
    PROPOSAL_REPLIED("proposal.replied", Priority.HIGH),
    PROPOSAL_FEEDBACK("proposal.feedback", Priority.NORMAL),
    UNIT_REGISTERED("unit.registered", Priority.LOW),
    CONSULTATION_SCHEDULED("consultation.scheduled", Priority.NORMAL),
    CONSULTATION_REMINDER("consultation.reminder", Priority.HIGH),
    CONSULTATION_CANCELLED("consultation.cancelled", Priority.HIGH),
    /** an activity moved (改期): to its invitees */
    CONSULTATION_RESCHEDULED("consultation.rescheduled", Priority.HIGH),
    ANNOUNCEMENT("announcement", Priority.NORMAL),
    PERFORMANCE_INACTIVE("performance.inactive", Priority.NORMAL),
    OPINION_SUBMITTED("opinion.submitted", Priority.LOW),
    OPINION_DECISION("opinion.decision", Priority.NORMAL),
    /** 四级联动: a committee below recommended an item to this one */
    CULTIVATION_RECOMMENDED("cultivation.recommended", Priority.NORMAL),
    /** 四级联动: the level above adopted or declined what this committee recommended */
    CULTIVATION_DECISION("cultivation.decision", Priority.NORMAL),
    /** 订单式提案: a unit posted a proposal clue (to the committee's members) */
    CLUE_POSTED("clue.posted", Priority.LOW),
    /** 订单式提案: a clue was taken, written on or closed (to its unit, or to those who took it) */
    CLUE_ACTIVITY("clue.activity", Priority.NORMAL),
    /** 督办: progress of a key proposal, to its supervising leader */
    KEY_PROPOSAL_PROGRESS("proposal.key-progress", Priority.NORMAL),
    /** 督办: a supervisor's meeting, visit or instruction, to the units and the proposer */
    PROPOSAL_SUPERVISED("proposal.supervised", Priority.HIGH),
    /** 延期: a unit asked (to the office) */
    EXTENSION_REQUESTED("assignment.extension-requested", Priority.NORMAL),
    /** 延期: the office decided (to the unit) */
    EXTENSION_DECIDED("assignment.extension-decided", Priority.HIGH),
    /** 转来信: a letter forwarded to a department */
    LETTER_FORWARDED("letter.forwarded", Priority.NORMAL),
    /** an invitation to a consultation activity, research trip or inspection (to the invited member) */
    CONSULTATION_INVITED("consultation.invited", Priority.HIGH),
    /** 年度协商计划 published (to the members) */
    CONSULTATION_PLAN("consultation.plan", Priority.LOW),
    /** a member accepted or asked for leave (to the consultation office) */
    CONSULTATION_ANSWER("consultation.answer", Priority.LOW),
    /** what became of a member's opinion: adopted, transformed, answered */
    CONSULTATION_OPINION("consultation.opinion", Priority.NORMAL),
    /** a leader's 批示 on a consultation report (to the consultation office) */
    CONSULTATION_INSTRUCTION("consultation.instruction", Priority.NORMAL),
    /** the daily e-mail that gathers low-priority messages */
    DIGEST("digest", Priority.LOW);

    public enum Priority { HIGH, NORMAL, LOW }

    private final String code;
    private final Priority priority;

    Category(String code, Priority priority) {
        this.code = code;
        this.priority = priority;
    }

    public String code() {
        return code;
    }

    public Priority priority() {
        return priority;
    }

    /** Besides the inbox, which always gets everything: urgent things by SMS too, low-priority ones by e-mail only. */
    public Set<Channel> defaultChannels() {
        return switch (priority) {
            case HIGH -> EnumSet.of(Channel.EMAIL, Channel.SMS, Channel.PUSH);
            case NORMAL -> EnumSet.of(Channel.EMAIL, Channel.PUSH);
            case LOW -> EnumSet.of(Channel.EMAIL);
        };
    }

    /** Low-priority messages go into the daily digest e-mail unless the person wants them one by one. */
    public boolean defaultDigest() {
        return priority == Priority.LOW;
    }

    public static Optional<Category> of(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
