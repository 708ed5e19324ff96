package org.cppcc.platform.events.contracts;

import java.time.LocalDate;

/** The consultation cycle on consultations.events: plans, answers to invitations, opinions and their outcomes, 批示. */
public final class ConsultationEvents {

    private ConsultationEvents() {
    }

    /** 年度协商计划 published by the office: keyed by plan id. */
    public record PlanPublished(String planId, int year, String title, int topics) {
    }

    /** An activity moved (time or place, with the reason): its invitees are told and reminded at the new time. Keyed by activity id. */
    public record ActivityRescheduled(String activityId, String title, java.time.Instant startsAt, String location,
                                      java.time.Instant previousStartsAt, String previousLocation, String reason) {
    }

    /** A member accepted an invitation or asked for leave (请假): keyed by activity id. */
    public record InvitationAnswered(String activityId, String title, String userId, String name, String answer, String reason) {
    }

    /** 意见建议 raised in an activity: keyed by activity id. */
    public record OpinionRaised(String opinionId, String activityId, String activityTitle, String authorUserId, String text) {
    }

    /** An opinion adopted (采纳) — into a report, by a department: keyed by activity id. */
    public record OpinionAdopted(String opinionId, String activityId, String activityTitle, String authorUserId, String text,
                                 String adoptedBy) {
    }

    /** 成果转化: an opinion turned into policy or action by a department. */
    public record OpinionTransformed(String opinionId, String activityId, String activityTitle, String authorUserId, String text,
                                     String department, String result, LocalDate on) {
    }

    /** 反馈: what became of an opinion, told to the one who gave it. */
    public record OpinionFeedback(String opinionId, String activityId, String activityTitle, String authorUserId, String feedback) {
    }

    /** A leader's 批示 on a consultation report (综合报告, 分报告): keyed by report id. */
    public record ReportInstructed(String reportId, String topicId, String title, String instructedBy, String instruction) {
    }
}
