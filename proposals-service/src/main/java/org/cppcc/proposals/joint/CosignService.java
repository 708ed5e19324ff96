package org.cppcc.proposals.joint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.contracts.ProposalEvents;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.proposals.lifecycle.Action;
import org.cppcc.proposals.lifecycle.ProposalSteps;
import org.cppcc.proposals.lifecycle.Transitions;
import org.cppcc.proposals.submission.Proposal;
import org.cppcc.proposals.submission.ProposalView;

import java.time.Clock;
import java.util.UUID;

/** 联名: an invited member accepts or declines to co-sign a joint proposal, before the signing deadline. */
@ApplicationScoped
@Transactional
public class CosignService {

    public record Cosign(@NotNull Boolean accept) {
    }

    private final ProposalSteps steps;
    private final Transitions transitions;
    private final Cosigners cosigners;
    private final Caller caller;
    private final Clock clock;

    public CosignService(ProposalSteps steps, Transitions transitions, Cosigners cosigners, Caller caller, Clock clock) {
        this.steps = steps;
        this.transitions = transitions;
        this.cosigners = cosigners;
        this.caller = caller;
        this.clock = clock;
    }

    public ProposalView answer(UUID id, Cosign c) {
        Proposal p = steps.begin(id, Action.COSIGN, null);
        if (p.signingDeadline != null && clock.instant().isAfter(p.signingDeadline)) {
            throw Problems.conflict("the signing deadline has passed");
        }
        cosigners.answer(p.id, caller.userId(), c.accept());
        transitions.record(p, Action.COSIGN, p.status, c.accept() ? "ACCEPTED" : "DECLINED");
        steps.publish(EventTypes.PROPOSAL_COSIGN_ANSWERED, p, new ProposalEvents.CosignAnswered(p.id.toString(), p.title, p.authorUserId,
                caller.displayName(), c.accept()));
        return steps.done(p);
    }
}
