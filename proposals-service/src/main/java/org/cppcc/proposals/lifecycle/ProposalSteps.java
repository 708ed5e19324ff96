package org.cppcc.proposals.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.cppcc.platform.events.Topics;
import org.cppcc.platform.outbox.Outbox;
import org.cppcc.platform.problem.Problems;
import org.cppcc.proposals.submission.Proposal;
import org.cppcc.proposals.submission.ProposalView;

import java.util.UUID;

/**
 * What every step of a proposal shares: it begins by locking the proposal's row, so steps on one proposal
 * run one after the other whatever they touch (two lead units replying at once, a reply racing a return
 * request), and each then sees what the one before it committed; then the one gate ({@link Transitions})
 * checks who may act and in which state. A step ends by publishing its event in the same transaction.
 */
@ApplicationScoped
public class ProposalSteps {

    private final EntityManager em;
    private final ProposalAccess access;
    private final Transitions transitions;
    private final Outbox outbox;
    private final jakarta.enterprise.event.Event<StepDone> stepDone;

    public ProposalSteps(EntityManager em, ProposalAccess access, Transitions transitions, Outbox outbox,
                         jakarta.enterprise.event.Event<StepDone> stepDone) {
        this.stepDone = stepDone;
        this.em = em;
        this.access = access;
        this.transitions = transitions;
        this.outbox = outbox;
    }

    /**
     * Locks the proposal (404 if the caller may not see it) and checks the action, with the version the client
     * read when it sends one (409 if stale).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Proposal begin(UUID id, Action action, Long expectedVersion) {
        Proposal p = lock(id);
        transitions.check(p, action, access.party(p), expectedVersion);
        return p;
    }

    /**
     * Locks a proposal the caller may see, or 404; the lock is held until the transaction ends. A step locks
     * before it reads anything else of the proposal, so what it reads is what the step before it committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Proposal lock(UUID id) {
        // HQL, so the committee filter applies: another committee's id is simply not found
        Proposal p = em.createQuery("from Proposal p where p.id = :id", Proposal.class).setParameter("id", id)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .filter(access::canSee).orElseThrow(() -> Problems.notFound("proposal", id));
        return p;
    }

    /** Records the step's event about this proposal (in the caller's transaction). */
    public void publish(String type, Proposal p, Object data) {
        outbox.publish(Topics.PROPOSALS, type, p.committee, p.id.toString(), data);
    }

    /** Writes the step and answers the proposal as it now is. */
    public ProposalView done(Proposal p) {
        em.flush();
        stepDone.fire(new StepDone(p));
        return ProposalView.of(p);
    }
}
