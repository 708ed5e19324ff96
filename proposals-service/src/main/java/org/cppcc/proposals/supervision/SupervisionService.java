package org.cppcc.proposals.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.contracts.ProposalEvents;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.platform.time.ClockProducer;
import org.cppcc.platform.time.SqlTime;
import org.cppcc.proposals.assignment.Assignment;
import org.cppcc.proposals.handling.HandlingQueries;
import org.cppcc.proposals.lifecycle.Action;
import org.cppcc.proposals.lifecycle.ProposalAccess;
import org.cppcc.proposals.lifecycle.ProposalSteps;
import org.cppcc.proposals.lifecycle.Transitions;
import org.cppcc.proposals.submission.Proposal;
import org.cppcc.proposals.submission.ProposalStatus;
import org.cppcc.proposals.submission.ProposalView;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * 督办: key proposals (重点提案) supervised by a leader or a special committee named in the registry; what the
 * supervisor does about them (a meeting, a visit, an instruction); the leader's own list; and the assignments
 * overdue or due soon.
 */
@ApplicationScoped
@Transactional
public class SupervisionService {

    /** Exactly one: a leader's user name, or a special committee's name (both as the registry lists them). */
    public record MarkKey(@Size(max = 64) String leader, @Size(max = 100) String specialCommittee) {
    }

    /** The nearest {@code limit} of each list, with how many there are in all (a national session has tens of thousands). */
    public record Supervision(List<HandlingQueries.AssignmentView> overdue, List<HandlingQueries.AssignmentView> dueSoon,
                              long overdueTotal, long dueSoonTotal) {
    }

    /** MEETING (督办会), VISIT (实地督办), INSTRUCTION (批示), OTHER; on a day (default today). */
    public record RecordAction(@NotNull @Pattern(regexp = "MEETING|VISIT|INSTRUCTION|OTHER") String action,
                               @NotBlank @Size(max = 2000) String note, LocalDate happenedOn) {
    }

    public record ActionView(String id, String action, String note, LocalDate happenedOn, String byName, Instant recordedAt) {
    }

    /** A key proposal as its supervisor follows it: its state, its open assignments, overdue or not. */
    public record KeyProposal(String proposalId, String title, String number, ProposalStatus status, String supervisor,
                              String supervisorKind, List<HandlingQueries.AssignmentView> openAssignments, LocalDate nearestDeadline,
                              boolean overdue, long actions) {
    }

    private final ProposalSteps steps;
    private final Transitions transitions;
    private final HandlingQueries queries;
    private final Supervisors supervisors;
    private final ProposalAccess access;
    private final EntityManager em;
    private final Caller caller;
    private final CommitteeContext committee;
    private final Clock clock;

    public SupervisionService(ProposalSteps steps, Transitions transitions, HandlingQueries queries, Supervisors supervisors,
                              ProposalAccess access, EntityManager em, Caller caller, CommitteeContext committee, Clock clock) {
        this.steps = steps;
        this.transitions = transitions;
        this.queries = queries;
        this.supervisors = supervisors;
        this.access = access;
        this.em = em;
        this.caller = caller;
        this.committee = committee;
        this.clock = clock;
    }

    /** 重点提案, supervised by a leader or a special committee of the registry (never a free-text name). */
    public ProposalView markKey(UUID id, MarkKey k, Long version) {
        boolean leader = k.leader() != null && !k.leader().isBlank();
        boolean special = k.specialCommittee() != null && !k.specialCommittee().isBlank();
        if (leader == special) {
            throw Problems.badRequest("name either a leader (leader: their user name) or a special committee (specialCommittee)");
        }
        String kind = leader ? Supervisors.LEADER : Supervisors.SPECIAL_COMMITTEE;
        String ref = (leader ? k.leader() : k.specialCommittee()).strip();
        Proposal p = steps.begin(id, Action.MARK_KEY, version);
        Supervisors.Supervisor s = supervisors.find(kind, ref).orElseThrow(() -> Problems.badRequest((leader
                ? "'" + ref + "' is not a leader of this committee" : "'" + ref + "' is not a special committee of this committee")
                + "; the registry lists: " + supervisors.list().stream().filter(x -> x.kind().equals(kind)).map(Supervisors.Supervisor::ref).toList()));
        p.keyProposal = true;
        p.supervisingLeader = s.name();
        p.supervisorKind = s.kind();
        p.supervisorRef = s.ref();
        p.supervisorUserId = s.userId();
        transitions.record(p, Action.MARK_KEY, p.status, s.name());
        steps.publish(EventTypes.PROPOSAL_MARKED_KEY, p, new ProposalEvents.MarkedKey(p.id.toString(), p.title, p.authorUserId,
                p.supervisingLeader, p.supervisorKind, p.supervisorUserId));
        return steps.done(p);
    }

    /** 督办 actions: the supervising leader, or the office (for a special committee, or on a leader's behalf). */
    public ActionView record(UUID id, RecordAction a) {
        Proposal p = steps.begin(id, Action.SUPERVISE, null);
        if (!p.keyProposal) {
            throw Problems.conflict("only a key proposal (重点提案) is supervised; mark it key first");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockProducer.CHINA);
        LocalDate on = a.happenedOn() == null ? today : a.happenedOn();
        if (on.isAfter(today)) {
            throw Problems.badRequest("happenedOn cannot be in the future");
        }
        UUID actionId = Ids.newId();
        Instant now = clock.instant();
        em.createNativeQuery("insert into supervision_action (id, committee, proposal_id, action, note, happened_on, recorded_by, by_name, "
                        + "recorded_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, actionId).setParameter(2, p.committee).setParameter(3, p.id).setParameter(4, a.action())
                .setParameter(5, a.note().strip()).setParameter(6, on).setParameter(7, caller.username()).setParameter(8, caller.displayName())
                .setParameter(9, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate();
        List<String> units = queries.ofProposal(p.id).stream().filter(v -> v.round() == p.handlingRound && Assignment.OPEN.equals(v.status()))
                .map(HandlingQueries.AssignmentView::unitId).distinct().toList();
        transitions.record(p, Action.SUPERVISE, p.status, a.action() + ": " + a.note().strip());
        steps.publish(EventTypes.PROPOSAL_SUPERVISED, p, new ProposalEvents.Supervised(p.id.toString(), p.title, p.authorUserId, a.action(),
                a.note().strip(), caller.displayName(), units));
        steps.done(p);
        return new ActionView(actionId.toString(), a.action(), a.note().strip(), on, caller.displayName(), now);
    }

    /** The 督办 record of a proposal, for whoever may read the proposal. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ActionView> actions(UUID id) {
        Proposal p = access.visible(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, action, note, happened_on, by_name, recorded_at from supervision_action "
                + "where proposal_id = ?1 order by recorded_at").setParameter(1, p.id).getResultList();
        return rows.stream().map(r -> new ActionView(r[0].toString(), (String) r[1], (String) r[2], SqlTime.date(r[3]), (String) r[4],
                SqlTime.instant(r[5]))).toList();
    }

    /**
     * Key proposals still open (registered, in handling or replied): a leader's own (mine, or any caller who holds only
     * the leader role), or all of the committee's for the office; the nearest deadline first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KeyProposal> keyProposals(boolean mine) {
        boolean own = mine || !committee.has(Roles.PROPOSAL_OFFICE);
        var query = em.createQuery("from Proposal p where p.keyProposal = true and p.status in :open"
                        + (own ? " and p.supervisorUserId = :me" : "") + " order by p.registeredAt", Proposal.class)
                .setParameter("open", List.of(ProposalStatus.REGISTERED, ProposalStatus.HANDLING, ProposalStatus.REPLIED))
                .setMaxResults(1000);
        List<Proposal> found = (own ? query.setParameter("me", caller.userId()) : query).getResultList();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockProducer.CHINA);
        // two queries for the whole list, not two per proposal
        java.util.Map<String, List<HandlingQueries.AssignmentView>> open = queries.openOf(found.stream().map(p -> p.id).toList()).stream()
                .collect(java.util.stream.Collectors.groupingBy(HandlingQueries.AssignmentView::proposalId));
        java.util.Map<String, Long> actions = new java.util.HashMap<>();
        if (!found.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> counts = em.createNativeQuery("select proposal_id, count(*) from supervision_action where proposal_id in (:ids) "
                    + "group by proposal_id").setParameter("ids", found.stream().map(p -> p.id).toList()).getResultList();
            counts.forEach(r -> actions.put(r[0].toString(), ((Number) r[1]).longValue()));
        }
        return found.stream().map(p -> {
            List<HandlingQueries.AssignmentView> current = open.getOrDefault(p.id.toString(), List.of()).stream()
                    .filter(v -> v.round() == p.handlingRound).toList();
            LocalDate nearest = current.stream().map(HandlingQueries.AssignmentView::deadline).filter(Objects::nonNull).min(Comparator.naturalOrder())
                    .orElse(null);
            return new KeyProposal(p.id.toString(), p.title, p.number, p.status, p.supervisingLeader, p.supervisorKind, current, nearest,
                    nearest != null && nearest.isBefore(today), actions.getOrDefault(p.id.toString(), 0L));
        }).sorted(Comparator.comparing(KeyProposal::nearestDeadline, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    /** Open assignments overdue (the longest overdue first), and those due within the next {@code days} days (0–365), nearest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Supervision list(int days, int limit) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockProducer.CHINA);
        LocalDate until = today.plusDays(Math.max(0, Math.min(days, 365)) + 1L);
        long[] totals = queries.dueCounts(today, until);
        return new Supervision(queries.due(LocalDate.of(1900, 1, 1), today, limit), queries.due(today, until, limit), totals[0], totals[1]);
    }
}
