package org.cppcc.proposals.archive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.contracts.ProposalEvents;
import org.cppcc.proposals.lifecycle.Action;
import org.cppcc.proposals.lifecycle.ProposalAccess;
import org.cppcc.proposals.lifecycle.ProposalSteps;
import org.cppcc.proposals.lifecycle.Transitions;
import org.cppcc.proposals.submission.Proposal;
import org.cppcc.proposals.submission.ProposalStatus;
import org.cppcc.proposals.submission.ProposalView;

import java.util.List;
import java.util.UUID;

/** 归档: a proposal that has reached its end becomes read-only; the office archives one, or a whole session at once. */
@ApplicationScoped
@Transactional
public class ArchiveService {

    public record SessionRef(@NotNull Integer term, @NotNull Integer session) {
    }

    private static final List<ProposalStatus> ENDED = List.of(ProposalStatus.COMPLETED, ProposalStatus.NOT_REGISTERED,
            ProposalStatus.WITHDRAWN, ProposalStatus.MERGED);

    private final ProposalSteps steps;
    private final Transitions transitions;
    private final ProposalAccess access;
    private final EntityManager em;

    public ArchiveService(ProposalSteps steps, Transitions transitions, ProposalAccess access, EntityManager em) {
        this.steps = steps;
        this.transitions = transitions;
        this.access = access;
        this.em = em;
    }

    public ProposalView archive(UUID id, Long version) {
        Proposal p = steps.begin(id, Action.ARCHIVE, version);
        record(p, null);
        return steps.done(p);
    }

    /** Every proposal of the session that has reached its end; returns how many. */
    public int archiveSession(SessionRef s) {
        // locked like any step, in id order so two offices archiving at once never deadlock
        List<Proposal> ended = em.createQuery("from Proposal p where p.term = :t and p.session = :s and p.status in :ended order by p.id",
                        Proposal.class)
                .setParameter("t", s.term()).setParameter("s", s.session()).setParameter("ended", ENDED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        for (Proposal p : ended) {
            transitions.check(p, Action.ARCHIVE, access.party(p));
            record(p, s.term() + "/" + s.session());
        }
        em.flush();
        return ended.size();
    }

    private void record(Proposal p, String note) {
        transitions.record(p, Action.ARCHIVE, ProposalStatus.ARCHIVED, note);
        steps.publish(EventTypes.PROPOSAL_ARCHIVED, p, new ProposalEvents.Archived(p.id.toString(), p.title));
    }
}
