package org.cppcc.proposals.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.contracts.ProposalEvents;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.time.SqlTime;
import org.cppcc.proposals.lifecycle.Action;
import org.cppcc.proposals.lifecycle.ProposalAccess;
import org.cppcc.proposals.lifecycle.ProposalSteps;
import org.cppcc.proposals.lifecycle.Transitions;
import org.cppcc.proposals.submission.Proposal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * 延期: a unit asks, with a reason, to move the deadline of its open assignment; the proposal office approves (the
 * deadline moves, the reminders follow it, the statistics count the item as extended) or refuses. One open request
 * per assignment.
 */
@ApplicationScoped
@Transactional
public class Extensions {

    public record Request(@NotNull LocalDate until, @NotBlank @Size(max = 1000) String reason) {
    }

    public record Decision(@NotNull Boolean approve, @Size(max = 1000) String note) {
    }

    public record ExtensionView(String id, String proposalId, String proposalTitle, String unitId, String unitName, LocalDate currentDeadline,
                                LocalDate requestedDeadline, String reason, String status, String requestedBy, Instant requestedAt,
                                String decidedBy, Instant decidedAt, String note) {
    }

    private static final String SELECT = "select e.id, e.proposal_id, p.title, e.unit_id, u.name, e.current_deadline, e.requested_deadline, "
            + "e.reason, e.status, e.requested_by, e.requested_at, e.decided_by, e.decided_at, e.note from extension_request e "
            + "join proposal p on p.id = e.proposal_id join handling_unit u on u.id = e.unit_id ";

    private final ProposalSteps steps;
    private final Transitions transitions;
    private final ProposalAccess access;
    private final AssignmentService assignments;
    private final EntityManager em;
    private final Caller caller;
    private final Clock clock;

    public Extensions(ProposalSteps steps, Transitions transitions, ProposalAccess access, AssignmentService assignments, EntityManager em,
                      Caller caller, Clock clock) {
        this.steps = steps;
        this.transitions = transitions;
        this.access = access;
        this.assignments = assignments;
        this.em = em;
        this.caller = caller;
        this.clock = clock;
    }

    /** The unit asks for a later deadline of its open assignment in the current round. */
    public ExtensionView request(UUID proposalId, Request r) {
        Proposal p = steps.begin(proposalId, Action.REQUEST_EXTENSION, null);
        Assignment mine = access.myAssignments(p.id, p.handlingRound).stream().filter(a -> Assignment.OPEN.equals(a.status)).findFirst()
                .orElseThrow(() -> Problems.conflict("your unit holds no open assignment of this proposal"));
        if (!r.until().isAfter(mine.deadline)) {
            throw Problems.badRequest("the new deadline must be after the current one (" + mine.deadline + ")");
        }
        if (r.until().isAfter(mine.deadline.plusDays(365))) {
            throw Problems.badRequest("an extension is at most a year");
        }
        if (!rows(SELECT + "where e.assignment_id = ?1 and e.status = 'REQUESTED'", mine.id).isEmpty()) {
            throw Problems.conflict("this assignment already has an extension request waiting for the office");
        }
        UUID id = Ids.newId();
        em.createNativeQuery("insert into extension_request (id, committee, proposal_id, assignment_id, unit_id, current_deadline, "
                        + "requested_deadline, reason, status, requested_by, requested_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'REQUESTED', ?9, ?10)")
                .setParameter(1, id).setParameter(2, p.committee).setParameter(3, p.id).setParameter(4, mine.id).setParameter(5, mine.unitId)
                .setParameter(6, mine.deadline).setParameter(7, r.until()).setParameter(8, r.reason().strip()).setParameter(9, caller.username())
                .setParameter(10, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).executeUpdate();
        String unitName = access.unitName(mine.unitId).orElse("");
        transitions.record(p, Action.REQUEST_EXTENSION, p.status, unitName + ": " + mine.deadline + " → " + r.until() + "（" + r.reason().strip() + "）");
        steps.publish(EventTypes.EXTENSION_REQUESTED, p, new ProposalEvents.ExtensionRequested(p.id.toString(), p.title, id.toString(),
                mine.unitId.toString(), unitName, mine.deadline, r.until(), r.reason().strip()));
        steps.done(p);
        return one(id);
    }

    /** The office approves (the assignment's deadline moves) or refuses a waiting request. */
    public ExtensionView decide(UUID proposalId, UUID extensionId, Decision d) {
        Proposal p = steps.begin(proposalId, Action.DECIDE_EXTENSION, null);
        ExtensionView e = one(extensionId);
        if (!e.proposalId().equals(p.id.toString())) {
            throw Problems.notFound("extension request", extensionId);
        }
        if (!"REQUESTED".equals(e.status())) {
            throw Problems.conflict("this request was already " + e.status());
        }
        UUID assignmentId = (UUID) em.createNativeQuery("select assignment_id from extension_request where id = ?1").setParameter(1, extensionId)
                .getSingleResult();
        Assignment a = em.find(Assignment.class, assignmentId);
        boolean approve = d.approve();
        if (approve && !Assignment.OPEN.equals(a.status)) {
            throw Problems.conflict("the assignment is no longer open (" + a.status + ")");
        }
        String note = d.note() == null || d.note().isBlank() ? null : d.note().strip();
        em.createNativeQuery("update extension_request set status = ?1, decided_by = ?2, decided_at = ?3, note = ?4, version = version + 1 "
                        + "where id = ?5")
                .setParameter(1, approve ? "APPROVED" : "REFUSED").setParameter(2, caller.username())
                .setParameter(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).setParameter(4, note).setParameter(5, extensionId)
                .executeUpdate();
        if (approve) {
            a.deadline = e.requestedDeadline();
            a.extended = true;
        }
        transitions.record(p, Action.DECIDE_EXTENSION, p.status, e.unitName() + (approve ? " 延期至 " + a.deadline : " 延期未批准")
                + (note == null ? "" : "（" + note + "）"));
        steps.publish(EventTypes.EXTENSION_DECIDED, p, new ProposalEvents.ExtensionDecided(p.id.toString(), p.title, a.handlingRound,
                extensionId.toString(), a.unitId.toString(), e.unitName(), a.role, approve, a.deadline, note, assignments.escalation(p)));
        steps.done(p);
        return one(extensionId);
    }

    /** A proposal's requests, for whoever may read the proposal. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExtensionView> ofProposal(UUID proposalId) {
        Proposal p = access.visible(proposalId);
        return rows(SELECT + "where e.proposal_id = ?1 order by e.requested_at", p.id).stream().map(Extensions::view).toList();
    }

    /** The office's queue: requests waiting (or of another status), oldest first, at most 500. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExtensionView> queue(String status) {
        String s = status == null ? "REQUESTED" : status;
        if (!List.of("REQUESTED", "APPROVED", "REFUSED").contains(s)) {
            throw Problems.badRequest("status is one of REQUESTED, APPROVED, REFUSED");
        }
        return rows(SELECT + "where e.status = ?1 order by e.requested_at limit 500", s).stream().map(Extensions::view).toList();
    }

    private ExtensionView one(UUID id) {
        return rows(SELECT + "where e.id = ?1", id).stream().findFirst().map(Extensions::view)
                .orElseThrow(() -> Problems.notFound("extension request", id));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object param) {
        return em.createNativeQuery(sql).setParameter(1, param).getResultList();
    }

    private static ExtensionView view(Object[] r) {
        return new ExtensionView(r[0].toString(), r[1].toString(), (String) r[2], r[3].toString(), (String) r[4], SqlTime.date(r[5]),
                SqlTime.date(r[6]), (String) r[7], (String) r[8], (String) r[9], SqlTime.instant(r[10]), (String) r[11],
                r[12] == null ? null : SqlTime.instant(r[12]), (String) r[13]);
    }
}
