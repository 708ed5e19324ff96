package org.cppcc.proposals.disclosure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.contracts.ProposalEvents;
import org.cppcc.platform.problem.Problems;
import org.cppcc.proposals.lifecycle.Action;
import org.cppcc.proposals.lifecycle.ProposalSteps;
import org.cppcc.proposals.lifecycle.Transitions;
import org.cppcc.proposals.submission.Proposal;
import org.cppcc.proposals.submission.ProposalView;

import java.time.Clock;
import java.util.UUID;

/** 公开: the office publishes a proposal and its reply after the secrecy review (保密审定), only with the proposer's consent. */
@ApplicationScoped
@Transactional
public class DisclosureService {

    private final ProposalSteps steps;
    private final Transitions transitions;
    private final Clock clock;

    public DisclosureService(ProposalSteps steps, Transitions transitions, Clock clock) {
        this.steps = steps;
        this.transitions = transitions;
        this.clock = clock;
    }

    public ProposalView publish(UUID id, Long version) {
        Proposal p = steps.begin(id, Action.PUBLISH, version);
        if (!p.publishConsent) {
            throw Problems.conflict("the proposer did not agree to publication");
        }
        if (p.published) {
            throw Problems.conflict("already published");
        }
        p.published = true;
        p.publishedAt = clock.instant();
        transitions.record(p, Action.PUBLISH, p.status, "保密审定通过");
        steps.publish(EventTypes.PROPOSAL_PUBLISHED, p, new ProposalEvents.Published(p.id.toString(), p.title));
        return steps.done(p);
    }
}
