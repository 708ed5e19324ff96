package org.cppcc.proposals.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.contracts.ProposalEvents;
import org.cppcc.platform.time.ClockProducer;
import org.cppcc.proposals.handling.HandlingQueries;
import org.cppcc.proposals.lifecycle.Action;
import org.cppcc.proposals.lifecycle.ProposalSteps;
import org.cppcc.proposals.lifecycle.Transitions;
import org.cppcc.proposals.submission.Proposal;
import org.cppcc.proposals.submission.ProposalView;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** 督办: key proposals (重点提案) with their supervising leader, and the assignments overdue or due soon. */
@ApplicationScoped
@Transactional
public class SupervisionService {

    public record MarkKey(@NotBlank @Size(max = 100) String supervisingLeader) {
    }

    public record Supervision(List<HandlingQueries.AssignmentView> overdue, List<HandlingQueries.AssignmentView> dueSoon) {
    }

    private final ProposalSteps steps;
    private final Transitions transitions;
    private final HandlingQueries queries;
    private final Clock clock;

    public SupervisionService(ProposalSteps steps, Transitions transitions, HandlingQueries queries, Clock clock) {
        this.steps = steps;
        this.transitions = transitions;
        this.queries = queries;
        this.clock = clock;
    }

    /** 重点提案 with its supervising leader. */
    public ProposalView markKey(UUID id, MarkKey k, Long version) {
        Proposal p = steps.begin(id, Action.MARK_KEY, version);
        p.keyProposal = true;
        p.supervisingLeader = k.supervisingLeader().strip();
        transitions.record(p, Action.MARK_KEY, p.status, p.supervisingLeader);
        steps.publish(EventTypes.PROPOSAL_MARKED_KEY, p, new ProposalEvents.MarkedKey(p.id.toString(), p.title, p.authorUserId,
                p.supervisingLeader));
        return steps.done(p);
    }

    /** Open assignments overdue, and those due within the next {@code days} days (0–365). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Supervision list(int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockProducer.CHINA);
        List<HandlingQueries.AssignmentView> all = queries.dueBy(today.plusDays(Math.max(0, Math.min(days, 365))));
        return new Supervision(all.stream().filter(a -> a.deadline().isBefore(today)).toList(),
                all.stream().filter(a -> !a.deadline().isBefore(today)).toList());
    }
}
