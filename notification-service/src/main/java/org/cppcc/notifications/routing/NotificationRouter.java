package org.cppcc.notifications.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cppcc.notifications.directory.ConsultationActivities;
import org.cppcc.notifications.directory.Directory;
import org.cppcc.notifications.inbox.Notification;
import org.cppcc.notifications.inbox.Notification.AudienceKind;
import org.cppcc.notifications.inbox.Notifications;
import org.cppcc.notifications.reminders.Reminders;
import org.cppcc.platform.events.EventEnvelope;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.contracts.ActivityCancelled;
import org.cppcc.platform.events.contracts.ActivityScheduled;
import org.cppcc.platform.events.contracts.HandlingUnitRegistered;
import org.cppcc.platform.events.contracts.MemberJoined;
import org.cppcc.platform.events.contracts.ClueEvents;
import org.cppcc.platform.events.contracts.ConsultationEvents;
import org.cppcc.platform.events.contracts.ParticipationEvents;
import org.cppcc.platform.events.contracts.CultivationEvents;
import org.cppcc.platform.events.contracts.OpinionReportEvents;
import org.cppcc.platform.events.contracts.PerformanceEvents;
import org.cppcc.platform.events.contracts.RosterEvents;
import org.cppcc.platform.events.contracts.ProposalEvents;
import org.cppcc.platform.events.contracts.ProposalSubmitted;
import org.cppcc.platform.inbox.EventProcessor;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.platform.time.ClockProducer;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Routing rules: from each event to its messages and recipients. Recipients come from the event or from
 * this service's own read models (roster, handling units), never from a call to another service.
 */
@ApplicationScoped
public class NotificationRouter {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(ClockProducer.CHINA);
    /** Those invited to a consultation (and not on leave) hear of it again the day before. */
    static final Duration REMIND_BEFORE = Duration.ofDays(1);

    private final Notifications notifications;
    private final Directory directory;
    private final Reminders reminders;
    private final EventProcessor events;
    private final org.cppcc.platform.tenancy.CommitteeDirectory committees;
    private final ConsultationActivities consultations;

    public NotificationRouter(Notifications notifications, Directory directory, Reminders reminders, EventProcessor events,
                              org.cppcc.platform.tenancy.CommitteeDirectory committees, ConsultationActivities consultations) {
        this.committees = committees;
        this.consultations = consultations;
        this.notifications = notifications;
        this.directory = directory;
        this.reminders = reminders;
        this.events = events;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void route(EventEnvelope event) {
        String c = event.committee();
        switch (event.type()) {
            case EventTypes.PROPOSAL_SUBMITTED -> {
                ProposalSubmitted p = events.data(event, ProposalSubmitted.class);
                String link = "/committees/" + c + "/proposals/" + p.proposalId();
                Map<String, Object> data = Map.of("title", p.title(), "authorName", p.authorName(), "proposalId", p.proposalId());
                send(event, new Message(AudienceKind.ROLE, Notification.roleAudience(c, Roles.PROPOSAL_OFFICE), Category.PROPOSAL_REVIEW, data, link));
                send(event, new Message(AudienceKind.USER, p.authorUserId(), Category.PROPOSAL_RECEIPT, data, link));
            }
            case EventTypes.PROPOSAL_REGISTERED -> {
                ProposalEvents.Registered r = events.data(event, ProposalEvents.Registered.class);
                send(event, new Message(AudienceKind.USER, r.authorUserId(), Category.PROPOSAL_DECISION,
                        Map.of("title", r.title(), "outcome", "已立案（" + r.number() + "）", "outcomeEn", "registered as " + r.number()),
                        proposalLink(c, r.proposalId())));
            }
            case EventTypes.PROPOSAL_RETURNED, EventTypes.PROPOSAL_NOT_REGISTERED -> {
                ProposalEvents.Decided d = events.data(event, ProposalEvents.Decided.class);
                boolean returned = EventTypes.PROPOSAL_RETURNED.equals(event.type());
                send(event, new Message(AudienceKind.USER, d.authorUserId(), Category.PROPOSAL_DECISION,
                        Map.of("title", d.title(), "outcome", (returned ? "退回修改：" : "不予立案：") + d.reason(),
                                "outcomeEn", (returned ? "returned for revision: " : "not registered: ") + d.reason()),
                        proposalLink(c, d.proposalId())));
            }
            case EventTypes.PROPOSAL_COSIGN_INVITED -> {
                ProposalEvents.CosignInvited i = events.data(event, ProposalEvents.CosignInvited.class);
                for (String invitee : i.inviteeUserIds()) {
                    send(event, new Message(AudienceKind.USER, invitee, Category.COSIGN_INVITED, Map.of("title", i.title(), "authorName",
                            i.authorName(), "deadline", i.signingDeadline() == null ? "" : WHEN.format(i.signingDeadline())),
                            proposalLink(c, i.proposalId())));
                }
            }
            case EventTypes.PROPOSAL_COSIGN_ANSWERED -> {
                ProposalEvents.CosignAnswered a = events.data(event, ProposalEvents.CosignAnswered.class);
                send(event, new Message(AudienceKind.USER, a.authorUserId(), Category.COSIGN_ANSWERED, Map.of("title", a.title(),
                        "name", a.cosignerName(), "answer", a.accepted() ? "同意联名" : "谢绝联名"), proposalLink(c, a.proposalId())));
            }
            case EventTypes.PROPOSAL_MERGED -> {
                ProposalEvents.Merged m = events.data(event, ProposalEvents.Merged.class);
                send(event, new Message(AudienceKind.USER, m.authorUserId(), Category.PROPOSAL_DECISION, Map.of("title", m.title(),
                        "outcome", "已并入提案《" + m.intoTitle() + "》办理，您为该提案的提案人之一", "outcomeEn", "merged into \"" + m.intoTitle() + "\""),
                        proposalLink(c, m.intoProposalId())));
            }
            case EventTypes.PROPOSAL_RETURN_REQUESTED -> {
                ProposalEvents.ReturnRequested r = events.data(event, ProposalEvents.ReturnRequested.class);
                send(event, new Message(AudienceKind.ROLE, Notification.roleAudience(c, Roles.PROPOSAL_OFFICE), Category.RETURN_REQUESTED,
                        Map.of("title", r.title(), "unitName", r.unitName(), "reason", r.reason()), proposalLink(c, r.proposalId())));
            }
            case EventTypes.PROPOSAL_REASSIGNED -> {
                ProposalEvents.Reassigned r = events.data(event, ProposalEvents.Reassigned.class);
                reminders.cancel(assignmentKey(r.proposalId(), r.fromUnitId(), r.round()));
            }
            case EventTypes.PROPOSAL_MARKED_KEY -> {
                ProposalEvents.MarkedKey k = events.data(event, ProposalEvents.MarkedKey.class);
                send(event, new Message(AudienceKind.USER, k.authorUserId(), Category.PROPOSAL_KEY,
                        Map.of("title", k.title(), "leader", k.supervisingLeader()), proposalLink(c, k.proposalId())));
                directory.keyProposal(c, k.proposalId(), k.supervisorUserId());
                keyProgress(event, k.proposalId(), k.title(), "已列为重点提案，请您督办");
            }
            case EventTypes.PROPOSAL_ASSIGNED -> {
                ProposalEvents.Assigned a = events.data(event, ProposalEvents.Assigned.class);
                for (ProposalEvents.Assigned.Unit u : a.units()) {
                    Map<String, Object> data = assignmentData(a.title(), a.round(), u.role(), u.unitName(), u.deadline());
                    send(event, new Message(AudienceKind.UNIT, u.unitId(), Category.PROPOSAL_ASSIGNED, data, proposalLink(c, a.proposalId())));
                    scheduleDeadline(c, a.proposalId(), u.unitId(), a.round(), u.deadline(), data, a.escalation());
                }
            }
            case EventTypes.EXTENSION_REQUESTED -> {
                ProposalEvents.ExtensionRequested x = events.data(event, ProposalEvents.ExtensionRequested.class);
                send(event, new Message(AudienceKind.ROLE, Notification.roleAudience(c, Roles.PROPOSAL_OFFICE), Category.EXTENSION_REQUESTED,
                        Map.of("title", x.title(), "unitName", x.unitName(), "from", x.currentDeadline().toString(),
                                "to", x.requestedDeadline().toString(), "reason", x.reason()), proposalLink(c, x.proposalId())));
            }
            case EventTypes.EXTENSION_DECIDED -> {
                ProposalEvents.ExtensionDecided x = events.data(event, ProposalEvents.ExtensionDecided.class);
                send(event, new Message(AudienceKind.UNIT, x.unitId(), Category.EXTENSION_DECIDED, Map.of("title", x.title(),
                        "outcome", x.approved() ? "已批准，办理时限延至" + x.deadline() : "未获批准" + (x.note() == null ? "" : "：" + x.note()),
                        "outcomeEn", x.approved() ? "approved: the deadline is now " + x.deadline() : "refused"), proposalLink(c, x.proposalId())));
                if (x.approved()) { // the reminders follow the deadline
                    reminders.cancel(assignmentKey(x.proposalId(), x.unitId(), x.round()));
                    scheduleDeadline(c, x.proposalId(), x.unitId(), x.round(), x.deadline(),
                            assignmentData(x.title(), x.round(), x.role(), x.unitName(), x.deadline()), x.escalation());
                }
            }
            case EventTypes.PROPOSAL_SUPERVISED -> {
                ProposalEvents.Supervised v = events.data(event, ProposalEvents.Supervised.class);
                Map<String, Object> data = Map.of("title", v.title(), "by", v.by(), "action", SUPERVISION_ACTIONS.getOrDefault(v.action(), v.action()),
                        "note", v.note());
                for (String unit : v.unitIds()) {
                    send(event, new Message(AudienceKind.UNIT, unit, Category.PROPOSAL_SUPERVISED, data, proposalLink(c, v.proposalId())));
                }
                if (v.authorUserId() != null) {
                    send(event, new Message(AudienceKind.USER, v.authorUserId(), Category.PROPOSAL_SUPERVISED, data, proposalLink(c, v.proposalId())));
                }
            }
            case EventTypes.LETTER_FORWARDED -> {
                ProposalEvents.LetterForwarded l = events.data(event, ProposalEvents.LetterForwarded.class);
                send(event, new Message(AudienceKind.UNIT, l.unitId(), Category.LETTER_FORWARDED, Map.of("title", l.title()),
                        "/committees/" + c + "/letters/" + l.letterId()));
            }
            case EventTypes.PROPOSAL_REPLIED -> {
                ProposalEvents.Replied r = events.data(event, ProposalEvents.Replied.class);
                reminders.cancel(assignmentKey(r.proposalId(), r.unitId(), r.round()));
                keyProgress(event, r.proposalId(), r.title(), r.unitName() + "已答复（" + r.classification() + "类）");
                if (r.allLeadsReplied()) {
                    send(event, new Message(AudienceKind.USER, r.authorUserId(), Category.PROPOSAL_REPLIED,
                            Map.of("title", r.title(), "unitName", r.unitName(), "classification", r.classification()),
                            proposalLink(c, r.proposalId())));
                }
            }
            case EventTypes.PROPOSAL_FEEDBACK_GIVEN -> {
                ProposalEvents.FeedbackGiven f = events.data(event, ProposalEvents.FeedbackGiven.class);
                keyProgress(event, f.proposalId(), f.title(), "提案人评价" + rating(f.replyRating()) + (f.reopened() ? "，已转二次办理" : ""));
                send(event, new Message(AudienceKind.ROLE, Notification.roleAudience(c, Roles.PROPOSAL_OFFICE), Category.PROPOSAL_FEEDBACK,
                        Map.of("title", f.title(), "rating", rating(f.replyRating()), "next", f.reopened() ? "，已转二次办理" : ""),
                        proposalLink(c, f.proposalId())));
            }
            case EventTypes.HANDLING_UNIT_REGISTERED -> {
                HandlingUnitRegistered u = events.data(event, HandlingUnitRegistered.class);
                directory.unitRegistered(c, u);
                send(event, new Message(AudienceKind.UNIT, u.unitId(), Category.UNIT_REGISTERED, Map.of("name", u.name()),
                        "/committees/" + c + "/handling-units"));
            }
            // MemberChanged carries the same fields as MemberJoined: the newest contact replaces the old
            case EventTypes.MEMBER_JOINED, EventTypes.MEMBER_CHANGED -> directory.memberJoined(c, events.data(event, MemberJoined.class));
            case EventTypes.OPINION_REPORT_SUBMITTED -> {
                OpinionReportEvents.Submitted o = events.data(event, OpinionReportEvents.Submitted.class);
                send(event, new Message(AudienceKind.ROLE, Notification.roleAudience(c, Roles.PROPOSAL_OFFICE), Category.OPINION_SUBMITTED,
                        Map.of("title", o.title()), opinionLink(c, o.reportId())));
            }
            case EventTypes.OPINION_REPORT_ADOPTED -> {
                OpinionReportEvents.Adopted o = events.data(event, OpinionReportEvents.Adopted.class);
                send(event, new Message(AudienceKind.USER, o.authorUserId(), Category.OPINION_DECISION,
                        Map.of("title", o.title(), "result", "已被" + o.adoptedBy() + "采用"), opinionLink(c, o.reportId())));
            }
            case EventTypes.OPINION_REPORT_INCLUDED -> {
                OpinionReportEvents.Included o = events.data(event, OpinionReportEvents.Included.class);
                send(event, new Message(AudienceKind.USER, o.authorUserId(), Category.OPINION_DECISION,
                        Map.of("title", o.title(), "result", "已编入" + o.issue()), opinionLink(c, o.reportId())));
            }
            case EventTypes.OPINION_REPORT_INSTRUCTED -> {
                OpinionReportEvents.Instructed o = events.data(event, OpinionReportEvents.Instructed.class);
                send(event, new Message(AudienceKind.USER, o.authorUserId(), Category.OPINION_DECISION,
                        Map.of("title", o.title(), "result", "获" + o.instructedBy() + "批示"), opinionLink(c, o.reportId())));
            }
            case EventTypes.CLUE_POSTED -> {
                ClueEvents.Posted k = events.data(event, ClueEvents.Posted.class);
                send(event, new Message(AudienceKind.ROLE, Notification.roleAudience(c, Roles.MEMBER), Category.CLUE_POSTED,
                        Map.of("title", k.title(), "unit", k.unitName(), "until", k.openUntil().toString()), clueLink(c, k.clueId())));
            }
            case EventTypes.CLUE_TAKEN -> {
                ClueEvents.Taken k = events.data(event, ClueEvents.Taken.class);
                send(event, new Message(AudienceKind.UNIT, k.unitId(), Category.CLUE_ACTIVITY,
                        Map.of("title", k.title(), "what", k.name() + "委员认领了线索"), clueLink(c, k.clueId())));
            }
            case EventTypes.CLUE_PROPOSAL_SUBMITTED -> {
                ClueEvents.ProposalSubmitted k = events.data(event, ClueEvents.ProposalSubmitted.class);
                send(event, new Message(AudienceKind.UNIT, k.unitId(), Category.CLUE_ACTIVITY,
                        Map.of("title", k.title(), "what", k.authorName() + "委员据此提交了提案《" + k.proposalTitle() + "》"), clueLink(c, k.clueId())));
            }
            case EventTypes.CLUE_CLOSED -> {
                ClueEvents.Closed k = events.data(event, ClueEvents.Closed.class);
                for (String taker : k.takerUserIds()) {
                    send(event, new Message(AudienceKind.USER, taker, Category.CLUE_ACTIVITY,
                            Map.of("title", k.title(), "what", "线索已关闭"), clueLink(c, k.clueId())));
                }
            }
            case EventTypes.CULTIVATION_RECOMMENDED -> {
                CultivationEvents.Recommended r = events.data(event, CultivationEvents.Recommended.class);
                send(event, new Message(AudienceKind.ROLE, Notification.roleAudience(c, Roles.PROPOSAL_OFFICE), Category.CULTIVATION_RECOMMENDED,
                        Map.of("title", r.title(), "fromName", committeeName(r.fromCommittee(), r.fromName())), cultivationLink(c, r.hopId())));
            }
            case EventTypes.CULTIVATION_ADOPTED -> {
                CultivationEvents.Adopted a = events.data(event, CultivationEvents.Adopted.class);
                String to = committeeName(a.toCommittee(), a.toName());
                cultivationDecision(event, a.hopId(), a.title(), to, "已被采纳，形成" + to + "提案", a.originalAuthorUserId());
            }
            case EventTypes.CULTIVATION_DECLINED -> {
                CultivationEvents.Declined d = events.data(event, CultivationEvents.Declined.class);
                cultivationDecision(event, d.hopId(), d.title(), committeeName(d.toCommittee(), d.toName()), "未被采纳：" + d.reason(),
                        d.originalAuthorUserId());
            }
            case EventTypes.MEMBER_INACTIVITY_WARNED -> {
                PerformanceEvents.InactivityWarned w = events.data(event, PerformanceEvents.InactivityWarned.class);
                send(event, new Message(AudienceKind.USER, w.userId(), Category.PERFORMANCE_INACTIVE,
                        Map.of("name", w.name(), "days", w.daysWithoutActivity()), "/committees/" + c + "/members/" + w.memberId() + "/performance"));
            }
            case EventTypes.MEMBER_LEFT -> directory.memberLeft(c, events.data(event, RosterEvents.MemberLeft.class).userId());
            case EventTypes.CONSULTATION_ACTIVITY_SCHEDULED -> {
                ActivityScheduled a = events.data(event, ActivityScheduled.class);
                consultations.scheduled(c, a.activityId(), a.title(), a.startsAt(), a.location());
                send(event, new Message(AudienceKind.ROLE, Notification.roleAudience(c, Roles.MEMBER), Category.CONSULTATION_SCHEDULED,
                        activityData(a.title(), a.startsAt(), a.location()), activityLink(c, a.activityId())));
            }
            case EventTypes.CONSULTATION_ACTIVITY_RESCHEDULED -> {
                ConsultationEvents.ActivityRescheduled a = events.data(event, ConsultationEvents.ActivityRescheduled.class);
                consultations.scheduled(c, a.activityId(), a.title(), a.startsAt(), a.location());
                reminders.cancel(activityKey(a.activityId()));
                Map<String, Object> data = Map.of("title", a.title(), "when", WHEN.format(a.startsAt()), "location", a.location(),
                        "previous", WHEN.format(a.previousStartsAt()) + " " + a.previousLocation(), "reason", a.reason());
                for (String invitee : consultations.attending(a.activityId())) {
                    send(event, new Message(AudienceKind.USER, invitee, Category.CONSULTATION_RESCHEDULED, data, activityLink(c, a.activityId())));
                    remindInvitee(c, a.activityId(), invitee);
                }
            }
            case EventTypes.CONSULTATION_ACTIVITY_CANCELLED -> {
                ActivityCancelled a = events.data(event, ActivityCancelled.class);
                consultations.cancelled(a.activityId());
                reminders.cancel(activityKey(a.activityId()));
                send(event, new Message(AudienceKind.ROLE, Notification.roleAudience(c, Roles.MEMBER), Category.CONSULTATION_CANCELLED,
                        Map.of("title", a.title(), "reason", a.reason()), "/committees/" + c + "/activities/" + a.activityId()));
            }
            case EventTypes.CONSULTATION_PARTICIPATION_RECORDED -> {
                ParticipationEvents.ParticipationRecorded p = events.data(event, ParticipationEvents.ParticipationRecorded.class);
                if (p.participation() == ParticipationEvents.Participation.INVITED) { // the other facts are 履职's, not news to the member
                    send(event, new Message(AudienceKind.USER, p.userId(), Category.CONSULTATION_INVITED, Map.of("title", p.title()),
                            activityLink(c, p.activityId())));
                    if (consultations.invited(c, p.activityId(), p.userId())) {
                        remindInvitee(c, p.activityId(), p.userId());
                    }
                }
            }
            case EventTypes.CONSULTATION_PLAN_PUBLISHED -> {
                ConsultationEvents.PlanPublished x = events.data(event, ConsultationEvents.PlanPublished.class);
                send(event, new Message(AudienceKind.ROLE, Notification.roleAudience(c, Roles.MEMBER), Category.CONSULTATION_PLAN,
                        Map.of("title", x.title(), "year", x.year(), "topics", x.topics()), "/committees/" + c + "/consultation-plans/" + x.planId()));
            }
            case EventTypes.CONSULTATION_INVITATION_ANSWERED -> {
                ConsultationEvents.InvitationAnswered x = events.data(event, ConsultationEvents.InvitationAnswered.class);
                boolean leave = !"ACCEPTED".equals(x.answer());
                consultations.answered(x.activityId(), x.userId(), leave);
                if (leave) {
                    reminders.cancel(activityKey(x.activityId()), AudienceKind.USER, x.userId());
                } else if (consultations.isInvitee(x.activityId(), x.userId())) {
                    remindInvitee(c, x.activityId(), x.userId());
                }
                send(event, new Message(AudienceKind.ROLE, Notification.roleAudience(c, Roles.CONSULTATION_OFFICE), Category.CONSULTATION_ANSWER,
                        Map.of("title", x.title(), "name", x.name(), "answer", "ACCEPTED".equals(x.answer()) ? "确认参加" : "请假：" + x.reason()),
                        activityLink(c, x.activityId())));
            }
            case EventTypes.CONSULTATION_OPINION_ADOPTED -> {
                ConsultationEvents.OpinionAdopted x = events.data(event, ConsultationEvents.OpinionAdopted.class);
                opinionNews(event, x.authorUserId(), x.activityId(), x.activityTitle(), x.text(), "已被" + x.adoptedBy() + "采纳");
            }
            case EventTypes.CONSULTATION_OPINION_TRANSFORMED -> {
                ConsultationEvents.OpinionTransformed x = events.data(event, ConsultationEvents.OpinionTransformed.class);
                opinionNews(event, x.authorUserId(), x.activityId(), x.activityTitle(), x.text(), "已由" + x.department() + "转化落实：" + x.result());
            }
            case EventTypes.CONSULTATION_OPINION_FEEDBACK -> {
                ConsultationEvents.OpinionFeedback x = events.data(event, ConsultationEvents.OpinionFeedback.class);
                opinionNews(event, x.authorUserId(), x.activityId(), x.activityTitle(), null, "的办理反馈：" + x.feedback());
            }
            case EventTypes.CONSULTATION_REPORT_INSTRUCTED -> {
                ConsultationEvents.ReportInstructed x = events.data(event, ConsultationEvents.ReportInstructed.class);
                send(event, new Message(AudienceKind.ROLE, Notification.roleAudience(c, Roles.CONSULTATION_OFFICE), Category.CONSULTATION_INSTRUCTION,
                        Map.of("title", x.title(), "by", x.instructedBy(), "instruction", x.instruction()), "/committees/" + c + "/reports/" + x.reportId()));
            }
            default -> {
                // not something anyone is told about
            }
        }
    }

    /** Units hear of a deadline 14 and 3 days before it. */
    static final int[] DUE_REMINDERS = {14, 3};

    private static final Map<String, String> SUPERVISION_ACTIONS = Map.of("MEETING", "督办会", "VISIT", "实地督办", "INSTRUCTION", "批示",
            "OTHER", "督办");

    private static Map<String, Object> assignmentData(String title, int round, String role, String unitName, java.time.LocalDate deadline) {
        return Map.of("title", title, "role", "LEAD".equals(role) ? "主办" : "会办", "deadline", deadline.toString(),
                "round", round == 1 ? "" : "（二次办理）", "unitName", unitName);
    }

    /**
     * An open assignment's reminders: to the unit before the deadline; after it, unanswered, up the escalation: the unit
     * again, then the proposal office, then the key proposal's supervising leader (events without an escalation: the
     * office the day after, as before it existed).
     */
    private void scheduleDeadline(String c, String proposalId, String unitId, int round, java.time.LocalDate deadline, Map<String, Object> data,
                                  ProposalEvents.Escalation escalation) {
        String link = proposalLink(c, proposalId);
        String subject = assignmentKey(proposalId, unitId, round);
        for (int days : DUE_REMINDERS) {
            reminders.schedule(c, subject, nineOn(deadline.minusDays(days)),
                    new Message(AudienceKind.UNIT, unitId, Category.ASSIGNMENT_DUE, withDays(data, days), link));
        }
        String office = Notification.roleAudience(c, Roles.PROPOSAL_OFFICE);
        if (escalation == null) {
            reminders.schedule(c, subject, nineOn(deadline.plusDays(1)), new Message(AudienceKind.ROLE, office, Category.ASSIGNMENT_OVERDUE, data, link));
            return;
        }
        reminders.schedule(c, subject, nineOn(deadline.plusDays(escalation.unitAfterDays())),
                new Message(AudienceKind.UNIT, unitId, Category.ASSIGNMENT_OVERDUE, data, link));
        reminders.schedule(c, subject, nineOn(deadline.plusDays(escalation.officeAfterDays())),
                new Message(AudienceKind.ROLE, office, Category.ASSIGNMENT_OVERDUE, data, link));
        if (escalation.leaderUserId() != null) {
            reminders.schedule(c, subject, nineOn(deadline.plusDays(escalation.leaderAfterDays())),
                    new Message(AudienceKind.USER, escalation.leaderUserId(), Category.ASSIGNMENT_OVERDUE, data, link));
        }
    }

    private static java.time.Instant nineOn(java.time.LocalDate day) {
        return day.atTime(9, 0).atZone(ClockProducer.CHINA).toInstant();
    }

    /** A key proposal's supervising leader hears of each step (督办). */
    private void keyProgress(EventEnvelope event, String proposalId, String title, String what) {
        directory.keyProposalLeader(proposalId).ifPresent(leader -> send(event, new Message(AudienceKind.USER, leader,
                Category.KEY_PROPOSAL_PROGRESS, Map.of("title", title, "what", what), proposalLink(event.committee(), proposalId))));
    }

    private static String assignmentKey(String proposalId, String unitId, int round) {
        return "assignment:" + proposalId + ":" + unitId + ":" + round;
    }

    /** The day-before reminder of one invitee, at the activity's current time and place. */
    private void remindInvitee(String c, String activityId, String userId) {
        consultations.find(activityId).filter(a -> !a.cancelled()).ifPresent(a -> reminders.schedule(c, activityKey(activityId),
                a.startsAt().minus(REMIND_BEFORE), new Message(AudienceKind.USER, userId, Category.CONSULTATION_REMINDER,
                        activityData(a.title(), a.startsAt(), a.location()), activityLink(c, activityId))));
    }

    private static Map<String, Object> activityData(String title, java.time.Instant startsAt, String location) {
        return Map.of("title", title, "when", WHEN.format(startsAt), "location", location);
    }

    private static String activityKey(String activityId) {
        return "activity:" + activityId;
    }

    private static String activityLink(String committee, String activityId) {
        return "/committees/" + committee + "/activities/" + activityId;
    }

    /** The one who gave a consultation opinion hears what became of it (a guest's has nobody to tell). */
    private void opinionNews(EventEnvelope event, String authorUserId, String activityId, String activityTitle, String text, String what) {
        if (authorUserId != null) {
            send(event, new Message(AudienceKind.USER, authorUserId, Category.CONSULTATION_OPINION, Map.of("title", activityTitle,
                    "opinion", text == null ? "" : "「" + text + "」", "what", what), activityLink(event.committee(), activityId)));
        }
    }

    private static String opinionLink(String committee, String reportId) {
        return "/committees/" + committee + "/opinion-reports/" + reportId;
    }

    private static String proposalLink(String committee, String proposalId) {
        return "/committees/" + committee + "/proposals/" + proposalId;
    }

    private static Map<String, Object> withDays(Map<String, Object> data, int days) {
        Map<String, Object> out = new java.util.HashMap<>(data);
        out.put("days", days);
        return out;
    }

    private static String rating(String r) {
        return switch (r) {
            case "SATISFIED" -> "满意";
            case "BASICALLY_SATISFIED" -> "基本满意";
            default -> "不满意";
        };
    }

    private void send(EventEnvelope event, Message m) {
        notifications.create(event.committee(), event.id(), m);
    }

    /** The recommending committee's office and the item's original author hear what the level above decided. */
    private void cultivationDecision(EventEnvelope event, String hopId, String title, String toName, String result, String authorUserId) {
        String c = event.committee();
        Map<String, Object> data = Map.of("title", title, "toName", toName, "result", result);
        send(event, new Message(AudienceKind.ROLE, Notification.roleAudience(c, Roles.PROPOSAL_OFFICE), Category.CULTIVATION_DECISION, data,
                cultivationLink(c, hopId)));
        if (authorUserId != null) {
            send(event, new Message(AudienceKind.USER, authorUserId, Category.CULTIVATION_DECISION, data, cultivationLink(c, hopId)));
        }
    }

    private static String clueLink(String committee, String clueId) {
        return "/committees/" + committee + "/clues/" + clueId;
    }

    private static String cultivationLink(String committee, String hopId) {
        return "/committees/" + committee + "/cultivation/items/" + hopId;
    }

    /** A committee of another deployment (ADR 0012) is named as the event names it. */
    private String committeeName(String code, String named) {
        return committees.find(code).map(org.cppcc.platform.tenancy.Committee::name).orElse(named != null ? named : code);
    }
}
