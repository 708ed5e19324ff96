package org.cppcc.members.performance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cppcc.platform.events.EventEnvelope;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.contracts.CultivationEvents;
import org.cppcc.platform.events.contracts.OpinionReportEvents;
import org.cppcc.platform.events.contracts.ParticipationEvents;
import org.cppcc.platform.events.contracts.ParticipationEvents.ParticipationRecorded;
import org.cppcc.platform.events.contracts.ConsultationEvents;
import org.cppcc.platform.events.contracts.ProposalEvents;
import org.cppcc.platform.events.contracts.ProposalSubmitted;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.inbox.EventProcessor;

import java.time.Clock;
import java.time.Instant;

/**
 * Turns what members did elsewhere (events) into 履职 entries. Called inside the inbox transaction, so
 * an event already processed never records twice; the entry also keeps its source event id (unique).
 */
@ApplicationScoped
public class PerformanceRecorder {

    private final EntityManager em;
    private final EventProcessor events;
    private final Clock clock;

    public PerformanceRecorder(EntityManager em, EventProcessor events, Clock clock) {
        this.em = em;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(EventEnvelope event) {
        switch (event.type()) {
            case EventTypes.PROPOSAL_SUBMITTED -> {
                ProposalSubmitted p = events.data(event, ProposalSubmitted.class);
                add(event, p.authorUserId(), PerformanceKind.PROPOSAL_SUBMITTED, "提交提案《" + p.title() + "》", "proposal",
                        p.proposalId(), p.submittedAt());
            }
            case EventTypes.PROPOSAL_REGISTERED -> {
                ProposalEvents.Registered r = events.data(event, ProposalEvents.Registered.class);
                add(event, r.authorUserId(), PerformanceKind.PROPOSAL_REGISTERED, "提案《" + r.title() + "》立案（" + r.number() + "）",
                        "proposal", r.proposalId(), event.time());
            }
            case EventTypes.PROPOSAL_MERGED -> {
                ProposalEvents.Merged m = events.data(event, ProposalEvents.Merged.class);
                add(event, m.authorUserId(), PerformanceKind.PROPOSAL_MERGED, "提案《" + m.title() + "》并入《" + m.intoTitle() + "》",
                        "proposal", m.proposalId(), event.time());
            }
            case EventTypes.PROPOSAL_MARKED_KEY -> {
                ProposalEvents.MarkedKey k = events.data(event, ProposalEvents.MarkedKey.class);
                add(event, k.authorUserId(), PerformanceKind.PROPOSAL_KEY, "提案《" + k.title() + "》列为重点提案", "proposal",
                        k.proposalId(), event.time());
            }
            case EventTypes.PROPOSAL_MARKED_EXCELLENT -> {
                ProposalEvents.MarkedExcellent x = events.data(event, ProposalEvents.MarkedExcellent.class);
                add(event, x.authorUserId(), PerformanceKind.PROPOSAL_EXCELLENT, "提案《" + x.title() + "》评为优秀提案", "proposal",
                        x.proposalId(), event.time());
            }
            case EventTypes.CULTIVATION_ADOPTED -> {
                CultivationEvents.Adopted a = events.data(event, CultivationEvents.Adopted.class);
                if (a.originalAuthorUserId() != null) { // a collective proposal has no member to credit
                    add(event, a.originalAuthorUserId(), PerformanceKind.PROPOSAL_CULTIVATED, "《" + a.title() + "》被上级政协采纳",
                            "cultivation", a.hopId(), event.time());
                }
            }
            case EventTypes.OPINION_REPORT_SUBMITTED -> {
                OpinionReportEvents.Submitted s = events.data(event, OpinionReportEvents.Submitted.class);
                add(event, s.authorUserId(), PerformanceKind.OPINION_SUBMITTED, "报送社情民意《" + s.title() + "》", "opinion-report",
                        s.reportId(), event.time());
            }
            case EventTypes.OPINION_REPORT_ADOPTED -> {
                OpinionReportEvents.Adopted a = events.data(event, OpinionReportEvents.Adopted.class);
                add(event, a.authorUserId(), PerformanceKind.OPINION_ADOPTED, "社情民意《" + a.title() + "》被" + a.adoptedBy() + "采用",
                        "opinion-report", a.reportId(), event.time());
            }
            case EventTypes.OPINION_REPORT_INCLUDED -> {
                OpinionReportEvents.Included i = events.data(event, OpinionReportEvents.Included.class);
                add(event, i.authorUserId(), PerformanceKind.OPINION_INCLUDED, "社情民意《" + i.title() + "》编入" + i.issue(), "opinion-report",
                        i.reportId(), event.time());
            }
            case EventTypes.OPINION_REPORT_INSTRUCTED -> {
                OpinionReportEvents.Instructed i = events.data(event, OpinionReportEvents.Instructed.class);
                add(event, i.authorUserId(), PerformanceKind.OPINION_INSTRUCTED, "社情民意《" + i.title() + "》获" + i.instructedBy() + "批示",
                        "opinion-report", i.reportId(), event.time());
            }
            case EventTypes.CONSULTATION_OPINION_ADOPTED -> {
                ConsultationEvents.OpinionAdopted o = events.data(event, ConsultationEvents.OpinionAdopted.class);
                if (o.authorUserId() != null) { // a guest's opinion is nobody's 履职
                    add(event, o.authorUserId(), PerformanceKind.CONSULTATION_OPINION_ADOPTED, "协商意见被" + o.adoptedBy() + "采纳：" + o.activityTitle(),
                            "consultation-opinion", o.opinionId(), event.time());
                }
            }
            case EventTypes.CONSULTATION_OPINION_TRANSFORMED -> {
                ConsultationEvents.OpinionTransformed o = events.data(event, ConsultationEvents.OpinionTransformed.class);
                if (o.authorUserId() != null) {
                    add(event, o.authorUserId(), PerformanceKind.CONSULTATION_OPINION_TRANSFORMED, "协商意见由" + o.department() + "转化落实："
                            + o.activityTitle(), "consultation-opinion", o.opinionId(), event.time());
                }
            }
            case EventTypes.CONSULTATION_PARTICIPATION_RECORDED -> {
                ParticipationRecorded p = events.data(event, ParticipationRecorded.class);
                PerformanceKind kind = kindOf(p.participation(), p.form());
                add(event, p.userId(), kind, kind.label() + "：" + p.title(), "activity", p.activityId(), p.occurredAt());
            }
            case EventTypes.CONSULTATION_PARTICIPATION_CORRECTED -> {
                // the compensating event: the entry for what was recorded gives way to the one for what was true
                ParticipationEvents.ParticipationCorrected c = events.data(event, ParticipationEvents.ParticipationCorrected.class);
                em.createNativeQuery("delete from performance_entry where user_id = ?1 and committee = ?2 and evidence_type = 'activity' "
                                + "and evidence_id = ?3 and kind = ?4")
                        .setParameter(1, c.userId()).setParameter(2, event.committee()).setParameter(3, c.activityId())
                        .setParameter(4, kindOf(c.from(), c.form()).name()).executeUpdate();
                PerformanceKind kind = kindOf(c.to(), c.form());
                add(event, c.userId(), kind, kind.label() + "：" + c.title() + "（更正：" + c.reason() + "）", "activity", c.activityId(),
                        c.occurredAt());
            }
            default -> {
                // other steps of a proposal's or an activity's life are not duty-performance entries
            }
        }
    }

    private static PerformanceKind kindOf(ParticipationEvents.Participation participation, String form) {
        return switch (participation) {
            case INVITED -> PerformanceKind.CONSULTATION_INVITED;
            case SPOKE -> PerformanceKind.CONSULTATION_SPOKE;
            case ABSENT_WITH_LEAVE -> PerformanceKind.MEETING_ABSENT_WITH_LEAVE;
            case ABSENT_WITHOUT_LEAVE -> PerformanceKind.MEETING_ABSENT_WITHOUT_LEAVE;
            case ATTENDED -> "RESEARCH".equals(form) ? PerformanceKind.RESEARCH_JOINED
                    : "INSPECTION".equals(form) ? PerformanceKind.INSPECTION_JOINED : PerformanceKind.MEETING_ATTENDED;
        };
    }

    /** Records one entry in the caller's transaction (events, and self-records confirmed by staff). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String committee, String userId, PerformanceKind kind, String title, String evidenceType, String evidenceId,
                    String source, Instant occurredAt) {
        PerformanceEntry e = new PerformanceEntry();
        e.id = Ids.newId();
        e.committee = committee;
        e.userId = userId;
        e.kind = kind;
        e.title = title.length() > 300 ? title.substring(0, 300) : title;
        e.evidenceType = evidenceType;
        e.evidenceId = evidenceId;
        e.sourceEventId = source;
        e.occurredAt = occurredAt;
        e.recordedAt = clock.instant();
        em.persist(e);
    }

    private void add(EventEnvelope event, String userId, PerformanceKind kind, String title, String evidenceType,
                     String evidenceId, Instant occurredAt) {
        add(event.committee(), userId, kind, title, evidenceType, evidenceId, event.id(), occurredAt != null ? occurredAt : event.time());
    }
}
