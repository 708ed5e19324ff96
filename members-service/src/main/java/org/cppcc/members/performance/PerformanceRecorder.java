package org.cppcc.members.performance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cppcc.platform.events.EventEnvelope;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.contracts.ProposalEvents;
import org.cppcc.platform.events.contracts.ProposalSubmitted;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.inbox.EventProcessor;

import java.time.Instant;

/** Turns what members did elsewhere (events) into 履职 entries. */
@ApplicationScoped
public class PerformanceRecorder {

    private final EntityManager em;
    private final EventProcessor events;

    public PerformanceRecorder(EntityManager em, EventProcessor events) {
        this.em = em;
        this.events = events;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(EventEnvelope event) {
        if (EventTypes.PROPOSAL_SUBMITTED.equals(event.type())) {
            ProposalSubmitted p = events.data(event, ProposalSubmitted.class);
            add(event, p.authorUserId(), PerformanceKind.PROPOSAL_SUBMITTED, "提交提案《" + p.title() + "》", "proposal",
                    p.proposalId(), p.submittedAt());
        } else if (EventTypes.PROPOSAL_REGISTERED.equals(event.type())) {
            ProposalEvents.Registered r = events.data(event, ProposalEvents.Registered.class);
            add(event, r.authorUserId(), PerformanceKind.PROPOSAL_REGISTERED, "提案《" + r.title() + "》立案（" + r.number() + "）", "proposal",
                    r.proposalId(), event.time());
        } else if (EventTypes.PROPOSAL_MERGED.equals(event.type())) {
            ProposalEvents.Merged m = events.data(event, ProposalEvents.Merged.class);
            add(event, m.authorUserId(), PerformanceKind.PROPOSAL_MERGED, "提案《" + m.title() + "》并入《" + m.intoTitle() + "》", "proposal",
                    m.proposalId(), event.time());
        } else if (EventTypes.PROPOSAL_MARKED_KEY.equals(event.type())) {
            ProposalEvents.MarkedKey k = events.data(event, ProposalEvents.MarkedKey.class);
            add(event, k.authorUserId(), PerformanceKind.PROPOSAL_KEY, "提案《" + k.title() + "》列为重点提案", "proposal",
                    k.proposalId(), event.time());
        }
    }

    private void add(EventEnvelope event, String userId, PerformanceKind kind, String title, String evidenceType,
                     String evidenceId, Instant occurredAt) {
        PerformanceEntry e = new PerformanceEntry();
        e.id = Ids.newId();
        e.committee = event.committee();
        e.userId = userId;
        e.kind = kind;
        e.points = kind.defaultPoints();
        e.title = title.length() > 300 ? title.substring(0, 300) : title;
        e.evidenceType = evidenceType;
        e.evidenceId = evidenceId;
        e.sourceEventId = event.id();
        e.occurredAt = occurredAt != null ? occurredAt : event.time();
        e.recordedAt = Instant.now();
        em.persist(e);
    }
}
