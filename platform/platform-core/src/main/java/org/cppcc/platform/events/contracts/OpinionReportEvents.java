package org.cppcc.platform.events.contracts;

/** 社情民意信息 reports on proposals.events: submitted by a member, adopted (采用), given a leader's instruction (批示). */
public final class OpinionReportEvents {

    private OpinionReportEvents() {
    }

    public record Submitted(String reportId, String title, String authorUserId) {
    }

    public record Adopted(String reportId, String title, String authorUserId, String adoptedBy) {
    }

    public record Instructed(String reportId, String title, String authorUserId, String instructedBy) {
    }

    /** Compiled into a 信息专报 issue, e.g. "《社情民意》2026年第12期". */
    public record Included(String reportId, String title, String authorUserId, String issue) {
    }
}
