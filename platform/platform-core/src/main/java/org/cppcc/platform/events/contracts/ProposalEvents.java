package org.cppcc.platform.events.contracts;

import java.time.LocalDate;
import java.util.List;

/** The steps of a proposal's life after submission (each a type of its own on proposals.events). */
public final class ProposalEvents {

    private ProposalEvents() {
    }

    /** 立案: registered under a number of the session. */
    public record Registered(String proposalId, String title, String number, String authorUserId) {
    }

    /** 不予立案 (notRegistered, possibly converted to a 社情民意 report or a letter) or 退回修改 (returned), with the reason. */
    public record Decided(String proposalId, String title, String authorUserId, String reason, String convertedTo) {
    }

    /** 联名: members invited to co-sign, who answer before the deadline. */
    public record CosignInvited(String proposalId, String title, String authorName, List<String> inviteeUserIds,
                                java.time.Instant signingDeadline) {
    }

    /** An invited member accepted or declined to co-sign. */
    public record CosignAnswered(String proposalId, String title, String authorUserId, String cosignerName, boolean accepted) {
    }

    /** 并案: merged into another proposal; its authors become co-proposers there. */
    public record Merged(String proposalId, String title, String authorUserId, String intoProposalId, String intoTitle) {
    }

    /** A unit asks to give back a proposal assigned to it by mistake (within the committee's window). */
    public record ReturnRequested(String proposalId, String title, String unitId, String unitName, String reason) {
    }

    /** The office took the proposal from one unit (its reminders stop) and gave it to another (announced as Assigned). */
    public record Reassigned(String proposalId, String title, int round, String fromUnitId) {
    }

    /** 撤回 by the author. */
    public record Withdrawn(String proposalId, String title, String authorUserId) {
    }

    /**
     * 交办 (round 1) or 二次办理 (round 2): the units, their role (LEAD 主办, CO 会办) and deadlines, and whom an overdue
     * item goes up to (null in events before escalation existed: the office, the day after).
     */
    public record Assigned(String proposalId, String title, int round, List<Unit> units, Escalation escalation) {
        public Assigned(String proposalId, String title, int round, List<Unit> units) {
            this(proposalId, title, round, units, null);
        }

        public record Unit(String unitId, String unitName, String role, LocalDate deadline) {
        }
    }

    /**
     * 逾期督办: days after the deadline an open item goes to the unit again, to the proposal office, and to the key
     * proposal's supervising leader (leaderUserId null: not a key proposal or supervised by a special committee).
     */
    public record Escalation(int unitAfterDays, int officeAfterDays, int leaderAfterDays, String leaderUserId) {
    }

    /** 延期: a unit asks to move its deadline. */
    public record ExtensionRequested(String proposalId, String title, String extensionId, String unitId, String unitName,
                                     LocalDate currentDeadline, LocalDate requestedDeadline, String reason) {
    }

    /** 延期: the office approved (the unit's deadline is now {@code deadline}) or refused it. */
    public record ExtensionDecided(String proposalId, String title, int round, String extensionId, String unitId, String unitName,
                                   String role, boolean approved, LocalDate deadline, String note, Escalation escalation) {
    }

    /** 督办: what a supervising leader (or the office for them) did about a key proposal. */
    public record Supervised(String proposalId, String title, String authorUserId, String action, String note, String by,
                             List<String> unitIds) {
    }

    /** 转来信: a proposal not registered, turned into a letter and forwarded to a department for its answer. */
    public record LetterForwarded(String letterId, String proposalId, String title, String unitId, String unitName, String authorUserId) {
    }

    /** 答复: a lead unit's reply letter, classified A (solved/adopted), B (planned), C (for reference). */
    public record Replied(String proposalId, String title, String authorUserId, String unitId, String unitName, String classification,
                          int round, boolean allLeadsReplied) {
    }

    /** 反馈: the proposer's rating; 不满意 in the first round reopens handling. */
    public record FeedbackGiven(String proposalId, String title, int round, String replyRating, String contactRating, boolean reopened) {
    }

    /**
     * 重点提案: marked key, with who supervises it (督办): supervisingLeader is the leader's or special committee's name;
     * supervisorKind LEADER or SPECIAL_COMMITTEE, supervisorUserId the leader's (null in events before they existed).
     */
    public record MarkedKey(String proposalId, String title, String authorUserId, String supervisingLeader, String supervisorKind,
                            String supervisorUserId) {
    }

    /** 优秀提案: awarded at the session's evaluation. */
    public record MarkedExcellent(String proposalId, String title, String authorUserId) {
    }

    /** 公开: published on the committee's public pages. */
    public record Published(String proposalId, String title) {
    }

    /** 归档 */
    public record Archived(String proposalId, String title) {
    }
}
