package org.cppcc.proposals.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.contracts.ProposalEvents;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.problem.Problems;
import org.cppcc.proposals.lifecycle.Action;
import org.cppcc.proposals.lifecycle.ProposalAccess;
import org.cppcc.proposals.lifecycle.ProposalSteps;
import org.cppcc.proposals.lifecycle.Transitions;
import org.cppcc.proposals.review.ProposalSettings;
import org.cppcc.proposals.review.ReviewService.Reason;
import org.cppcc.proposals.submission.Proposal;
import org.cppcc.proposals.submission.ProposalStatus;
import org.cppcc.proposals.submission.ProposalView;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.cppcc.platform.time.ClockProducer.CHINA;

/**
 * 交办: the proposal office assigns a registered proposal to lead units (主办; several: 分办) and co-handling
 * units (会办); a unit may ask to give back a proposal that is not its business, and the office moves it on.
 */
@ApplicationScoped
@Transactional
public class AssignmentService {

    public record Assign(@NotEmpty @Size(max = 10) List<@NotNull UUID> leads, @Size(max = 10) List<@NotNull UUID> coHandlers,
                         LocalDate deadline) {
    }

    public record Reassign(@NotNull UUID fromUnit, @NotNull UUID toUnit) {
    }

    private final ProposalSteps steps;
    private final Transitions transitions;
    private final ProposalAccess access;
    private final ProposalSettings settings;
    private final EntityManager em;
    private final Clock clock;

    public AssignmentService(ProposalSteps steps, Transitions transitions, ProposalAccess access, ProposalSettings settings,
                             EntityManager em, Clock clock) {
        this.steps = steps;
        this.transitions = transitions;
        this.access = access;
        this.settings = settings;
        this.em = em;
        this.clock = clock;
    }

    /** 交办, each unit with the deadline (default: the committee's). */
    public ProposalView assign(UUID id, Assign a, Long version) {
        Proposal p = steps.begin(id, Action.ASSIGN, version);
        Set<UUID> leads = new LinkedHashSet<>(a.leads());
        Set<UUID> cos = new LinkedHashSet<>(a.coHandlers() == null ? List.of() : a.coHandlers());
        cos.removeAll(leads);
        LocalDate today = LocalDate.ofInstant(clock.instant(), CHINA);
        LocalDate deadline = a.deadline() != null ? a.deadline() : defaultDeadline();
        if (!deadline.isAfter(today)) {
            throw Problems.badRequest("the deadline must be in the future");
        }
        p.handlingRound = 1;
        List<ProposalEvents.Assigned.Unit> units = new ArrayList<>();
        for (UUID unit : leads) {
            units.add(open(p, unit, Assignment.LEAD, deadline));
        }
        for (UUID unit : cos) {
            units.add(open(p, unit, Assignment.CO, deadline));
        }
        transitions.record(p, Action.ASSIGN, ProposalStatus.HANDLING,
                units.stream().map(u -> u.unitName() + "(" + u.role() + ")").toList().toString());
        steps.publish(EventTypes.PROPOSAL_ASSIGNED, p, new ProposalEvents.Assigned(p.id.toString(), p.title, p.handlingRound, units,
                settings.escalation(p.supervisorUserId)));
        return steps.done(p);
    }

    /** Whom this proposal's overdue items go up to (ProposalAssigned carries it to notification-service). */
    public ProposalEvents.Escalation escalation(Proposal p) {
        return settings.escalation(p.supervisorUserId);
    }

    /** The committee's handling deadline counted from today. */
    public LocalDate defaultDeadline() {
        return LocalDate.ofInstant(clock.instant(), CHINA).plusDays(settings.current().deadlineDays());
    }

    /** Opens an assignment of the proposal's current round (also used by 二次办理). */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProposalEvents.Assigned.Unit open(Proposal p, UUID unitId, String role, LocalDate deadline) {
        String name = access.unitName(unitId)
                .orElseThrow(() -> Problems.badRequest("handling unit " + unitId + " is not registered in this committee"));
        Assignment a = new Assignment();
        a.id = Ids.newId();
        a.proposalId = p.id;
        a.unitId = unitId;
        a.role = role;
        a.handlingRound = p.handlingRound;
        a.deadline = deadline;
        a.status = Assignment.OPEN;
        a.assignedAt = clock.instant();
        a.term = p.term;
        a.session = p.session;
        em.persist(a);
        return new ProposalEvents.Assigned.Unit(unitId.toString(), name, role, deadline);
    }

    /** A unit asks, within the committee's window after assignment, to give back a proposal that is not its business. */
    public ProposalView requestReturn(UUID id, Reason r) {
        Proposal p = steps.begin(id, Action.REQUEST_RETURN, null);
        Assignment mine = access.myAssignments(p.id, p.handlingRound).stream()
                .min(Comparator.comparing(a -> !Assignment.OPEN.equals(a.status))).orElseThrow();
        if (!Assignment.OPEN.equals(mine.status)) {
            throw Problems.conflict("this assignment is " + mine.status);
        }
        int window = settings.current().returnWindowDays();
        if (clock.instant().isAfter(mine.assignedAt.plus(Duration.ofDays(window)))) {
            throw Problems.conflict("a return can be asked for within " + window + " days of the assignment");
        }
        mine.status = Assignment.RETURN_REQUESTED;
        mine.returnReason = r.reason().strip();
        String unitName = access.unitName(mine.unitId).orElse("");
        transitions.record(p, Action.REQUEST_RETURN, p.status, unitName + ": " + mine.returnReason);
        steps.publish(EventTypes.PROPOSAL_RETURN_REQUESTED, p, new ProposalEvents.ReturnRequested(p.id.toString(), p.title,
                mine.unitId.toString(), unitName, mine.returnReason));
        return steps.done(p);
    }

    /** The office moves an assignment (usually one a unit asked to return) to another unit, same role and deadline. */
    public ProposalView reassign(UUID id, Reassign r, Long version) {
        Proposal p = steps.begin(id, Action.REASSIGN, version);
        Assignment from = em.createQuery("select a from Assignment a where a.proposalId = :p and a.handlingRound = :r and a.unitId = :u "
                        + "and a.status in ('OPEN', 'RETURN_REQUESTED')", Assignment.class)
                .setParameter("p", p.id).setParameter("r", p.handlingRound).setParameter("u", r.fromUnit()).getResultStream().findFirst()
                .orElseThrow(() -> Problems.conflict("unit " + r.fromUnit() + " holds no open assignment of this proposal"));
        from.status = Assignment.CLOSED;
        ProposalEvents.Assigned.Unit to = open(p, r.toUnit(), from.role, from.deadline);
        transitions.record(p, Action.REASSIGN, p.status, access.unitName(r.fromUnit()).orElse("") + " → " + to.unitName());
        steps.publish(EventTypes.PROPOSAL_REASSIGNED, p, new ProposalEvents.Reassigned(p.id.toString(), p.title, p.handlingRound,
                r.fromUnit().toString()));
        steps.publish(EventTypes.PROPOSAL_ASSIGNED, p, new ProposalEvents.Assigned(p.id.toString(), p.title, p.handlingRound, List.of(to),
                settings.escalation(p.supervisorUserId)));
        return steps.done(p);
    }
}
