package org.cppcc.proposals.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.contracts.ProposalEvents;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.time.SqlTime;
import org.cppcc.proposals.assignment.Assignment;
import org.cppcc.proposals.assignment.AssignmentService;
import org.cppcc.proposals.lifecycle.Action;
import org.cppcc.proposals.lifecycle.ProposalAccess;
import org.cppcc.proposals.lifecycle.ProposalSteps;
import org.cppcc.proposals.lifecycle.Transitions;
import org.cppcc.proposals.submission.Proposal;
import org.cppcc.proposals.submission.ProposalStatus;
import org.cppcc.proposals.submission.ProposalView;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 反馈: the proposer rates the reply and the contact. 不满意 in the first round starts 二次办理 with the units that
 * took part in the reply and a new deadline; otherwise handling is finished. Co-signers' ratings are recorded
 * beside the proposer's and decide nothing.
 */
@ApplicationScoped
@Transactional
public class FeedbackService {

    public record Feedback(@NotNull @Pattern(regexp = "SATISFIED|BASICALLY_SATISFIED|UNSATISFIED") String replyRating,
                           @NotNull @Pattern(regexp = "SATISFIED|BASICALLY_SATISFIED|UNSATISFIED") String contactRating,
                           @Size(max = 2000) String comment) {
    }

    private final ProposalSteps steps;
    private final Transitions transitions;
    private final ProposalAccess access;
    private final AssignmentService assignments;
    private final EntityManager em;
    private final Caller caller;
    private final Clock clock;

    public FeedbackService(ProposalSteps steps, Transitions transitions, ProposalAccess access, AssignmentService assignments,
                           EntityManager em, Caller caller, Clock clock) {
        this.steps = steps;
        this.transitions = transitions;
        this.access = access;
        this.assignments = assignments;
        this.em = em;
        this.caller = caller;
        this.clock = clock;
    }

    public ProposalView feedback(UUID id, Feedback f, Long version) {
        Proposal p = steps.lock(id);
        if (!p.authorUserId.equals(caller.userId())) {
            return cosignerFeedback(p, f);
        }
        transitions.check(p, Action.FEEDBACK, access.party(p), version);
        insert(p, p.handlingRound, f, false);
        boolean reopen = "UNSATISFIED".equals(f.replyRating()) && p.handlingRound == 1;
        List<Assignment> round = em.createQuery("select a from Assignment a where a.proposalId = :p and a.handlingRound = :r", Assignment.class)
                .setParameter("p", p.id).setParameter("r", p.handlingRound).getResultList();
        // who answered the reply: the leads that replied and the co-handlers still on it (not those moved away or giving it back)
        List<Assignment> answered = round.stream().filter(a -> Assignment.LEAD.equals(a.role) ? Assignment.REPLIED.equals(a.status)
                : Assignment.OPEN.equals(a.status)).toList();
        round.forEach(a -> {
            a.status = Assignment.CLOSED;
            if (Assignment.LEAD.equals(a.role)) {
                a.replyRating = f.replyRating(); // the proposer's rating of the round each lead unit answered (statistics)
            }
        });
        transitions.record(p, Action.FEEDBACK, reopen ? ProposalStatus.HANDLING : ProposalStatus.COMPLETED,
                f.replyRating() + "/" + f.contactRating());
        steps.publish(EventTypes.PROPOSAL_FEEDBACK_GIVEN, p, new ProposalEvents.FeedbackGiven(p.id.toString(), p.title, p.handlingRound,
                f.replyRating(), f.contactRating(), reopen));
        if (reopen) {
            p.handlingRound = 2;
            LocalDate deadline = assignments.defaultDeadline();
            List<ProposalEvents.Assigned.Unit> units = new ArrayList<>();
            for (Assignment a : answered) {
                units.add(assignments.open(p, a.unitId, a.role, deadline));
            }
            steps.publish(EventTypes.PROPOSAL_ASSIGNED, p, new ProposalEvents.Assigned(p.id.toString(), p.title, p.handlingRound, units,
                    assignments.escalation(p)));
        }
        return steps.done(p);
    }

    /** A co-signer's rating of the latest reply, once per round. */
    private ProposalView cosignerFeedback(Proposal p, Feedback f) {
        transitions.check(p, Action.COSIGNER_FEEDBACK, access.party(p));
        int round = p.status == ProposalStatus.HANDLING ? p.handlingRound - 1 : p.handlingRound;
        if (round < 1) {
            throw Problems.conflict("there is no reply to rate yet");
        }
        if (!insert(p, round, f, true)) {
            throw Problems.conflict("you have already rated the reply of round " + round);
        }
        transitions.record(p, Action.COSIGNER_FEEDBACK, p.status, f.replyRating() + "/" + f.contactRating());
        return steps.done(p);
    }

    private boolean insert(Proposal p, int round, Feedback f, boolean onceOnly) {
        return em.createNativeQuery("insert into feedback (id, committee, proposal_id, handling_round, user_id, reply_rating, contact_rating, "
                        + "comment, given_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                        + (onceOnly ? " on conflict (proposal_id, handling_round, user_id) do nothing" : ""))
                .setParameter(1, Ids.newId()).setParameter(2, p.committee).setParameter(3, p.id).setParameter(4, round)
                .setParameter(5, caller.userId()).setParameter(6, f.replyRating()).setParameter(7, f.contactRating())
                .setParameter(8, f.comment()).setParameter(9, SqlTime.param(clock.instant())).executeUpdate() == 1;
    }
}
