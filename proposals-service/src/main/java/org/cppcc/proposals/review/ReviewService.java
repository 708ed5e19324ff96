package org.cppcc.proposals.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.contracts.ProposalEvents;
import org.cppcc.platform.problem.Problems;
import org.cppcc.proposals.joint.Cosigners;
import org.cppcc.proposals.lifecycle.Action;
import org.cppcc.proposals.lifecycle.ProposalSteps;
import org.cppcc.proposals.lifecycle.Transitions;
import org.cppcc.proposals.opinions.OpinionReports;
import org.cppcc.proposals.submission.Proposal;
import org.cppcc.proposals.submission.ProposalStatus;
import org.cppcc.proposals.submission.ProposalView;

import java.time.Clock;
import java.util.UUID;

/** 审查: the proposal office registers (立案), declines (不予立案), returns for revision (退回) or merges (并案) a submitted proposal. */
@ApplicationScoped
@Transactional
public class ReviewService {

    /** convertTo (不予立案 only): OPINION_REPORT turns it into a 社情民意 report, LETTER into a letter to the departments. */
    public record Reason(@NotBlank @Size(max = 1000) String reason, @Pattern(regexp = "OPINION_REPORT|LETTER") String convertTo) {
    }

    public record Merge(@NotNull UUID into) {
    }

    private final ProposalSteps steps;
    private final Transitions transitions;
    private final ProposalSettings settings;
    private final Cosigners cosigners;
    private final OpinionReports opinionReports;
    private final Clock clock;
    private final org.cppcc.proposals.letters.Letters letters;

    public ReviewService(ProposalSteps steps, Transitions transitions, ProposalSettings settings, Cosigners cosigners,
                         OpinionReports opinionReports, Clock clock, org.cppcc.proposals.letters.Letters letters) {
        this.letters = letters;
        this.steps = steps;
        this.transitions = transitions;
        this.settings = settings;
        this.cosigners = cosigners;
        this.opinionReports = opinionReports;
        this.clock = clock;
    }

    /** 立案: registers under the next number of the current session. */
    public ProposalView register(UUID id, Long version) {
        Proposal p = steps.begin(id, Action.REGISTER, version);
        ProposalSettings.Settings s = settings.current();
        p.term = s.term();
        p.session = s.session();
        p.number = settings.nextNumber(s);
        p.registeredAt = clock.instant();
        cosigners.expirePending(p.id);
        transitions.record(p, Action.REGISTER, ProposalStatus.REGISTERED, p.number);
        steps.publish(EventTypes.PROPOSAL_REGISTERED, p, new ProposalEvents.Registered(p.id.toString(), p.title, p.number, p.authorUserId));
        return steps.done(p);
    }

    /** 不予立案, with the reason the proposer will read. */
    public ProposalView notRegister(UUID id, Reason r, Long version) {
        Proposal p = steps.begin(id, Action.NOT_REGISTER, version);
        p.decisionReason = r.reason().strip();
        p.convertedTo = r.convertTo();
        transitions.record(p, Action.NOT_REGISTER, ProposalStatus.NOT_REGISTERED, p.decisionReason);
        steps.publish(EventTypes.PROPOSAL_NOT_REGISTERED, p, new ProposalEvents.Decided(p.id.toString(), p.title, p.authorUserId,
                p.decisionReason, p.convertedTo));
        if ("OPINION_REPORT".equals(p.convertedTo)) {
            opinionReports.fromProposal(p.title, p.body, p.authorUserId, p.authorName);
        } else if ("LETTER".equals(p.convertedTo)) {
            letters.fromProposal(p);
        }
        return steps.done(p);
    }

    /** 退回修改: back to the proposer, who edits and submits again. */
    public ProposalView returnForRevision(UUID id, Reason r, Long version) {
        Proposal p = steps.begin(id, Action.RETURN, version);
        p.decisionReason = r.reason().strip();
        transitions.record(p, Action.RETURN, ProposalStatus.RETURNED, p.decisionReason);
        steps.publish(EventTypes.PROPOSAL_RETURNED, p, new ProposalEvents.Decided(p.id.toString(), p.title, p.authorUserId, p.decisionReason,
                null));
        return steps.done(p);
    }

    /** 并案: merges a submitted proposal into a similar one; its author and co-signers become co-proposers there. */
    public ProposalView merge(UUID id, Merge m, Long version) {
        Proposal p = steps.begin(id, Action.MERGE, version);
        if (m.into().equals(p.id)) {
            throw Problems.badRequest("a proposal cannot be merged into itself");
        }
        Proposal into = steps.lock(m.into());
        if (into.status != ProposalStatus.SUBMITTED && into.status != ProposalStatus.REGISTERED) {
            throw Problems.conflict("only a submitted or registered proposal can take in another (it is " + into.status + ")");
        }
        cosigners.addAccepted(into.id, p.authorUserId, cosigners.usernameOf(p.authorUserId).orElse(p.authorUserId), p.authorName);
        for (Cosigners.CosignerView c : cosigners.of(p.id)) {
            if (Cosigners.ACCEPTED.equals(c.status())) {
                cosigners.addAccepted(into.id, c.userId(), c.username(), c.name());
            }
        }
        p.mergedInto = into.id;
        transitions.record(p, Action.MERGE, ProposalStatus.MERGED, into.title);
        steps.publish(EventTypes.PROPOSAL_MERGED, p, new ProposalEvents.Merged(p.id.toString(), p.title, p.authorUserId, into.id.toString(),
                into.title));
        return steps.done(p);
    }
}
