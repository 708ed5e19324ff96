package org.cppcc.proposals.lifecycle;

import org.cppcc.platform.time.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.proposals.submission.Proposal;
import org.cppcc.proposals.submission.ProposalStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The gate of every transition: checks the caller may take the action (403) and that the proposal is in
 * a state that allows it (409), then records who did what, in which committee and role, from and to
 * which state. Nothing changes when a check fails.
 */
@ApplicationScoped
public class Transitions {

    public record TransitionView(String action, ProposalStatus from, ProposalStatus to, String actorName, String actorRole, String note,
                                 Instant at) {
    }

    private final EntityManager em;
    private final Caller caller;
    private final CommitteeContext committee;
    private final Clock clock;

    public Transitions(EntityManager em, Caller caller, CommitteeContext committee, Clock clock) {
        this.em = em;
        this.caller = caller;
        this.committee = committee;
        this.clock = clock;
    }

    /** What the caller is to a proposal: their unit's role on it (LEAD, CO, or null) and their co-signing (INVITED, ACCEPTED, …, or null). */
    public record Party(String unitRole, String cosign) {
    }

    /** As {@link #check(Proposal, Action, Party)}, and the proposal must still be at the version the caller read (If-Match). */
    public void check(Proposal p, Action action, Party party, Long expectedVersion) {
        check(p, action, party);
        if (expectedVersion != null && expectedVersion != p.version) {
            throw Problems.conflict("the proposal changed since you read it (version " + p.version + ", yours " + expectedVersion + ")");
        }
    }

    public void check(Proposal p, Action action, Party party) {
        boolean author = caller.userId().equals(p.authorUserId)
                && (committee.has(Roles.MEMBER) || (p.onBehalfOf != null && committee.has(Roles.PROPOSAL_OFFICE)));
        boolean allowed = switch (action.actor()) {
            case AUTHOR -> author;
            case INVITED -> party.cosign() != null && committee.has(Roles.MEMBER);
            case COSIGNER -> "ACCEPTED".equals(party.cosign()) && committee.has(Roles.MEMBER);
            case OFFICE -> committee.has(Roles.PROPOSAL_OFFICE);
            case ASSIGNED_UNIT -> party.unitRole() != null;
            case LEAD_UNIT -> "LEAD".equals(party.unitRole());
            case SUPERVISOR -> committee.has(Roles.PROPOSAL_OFFICE)
                    || (committee.has(Roles.LEADER) && p.keyProposal && caller.userId().equals(p.supervisorUserId));
        };
        if (!allowed) {
            throw Problems.forbidden(switch (action.actor()) {
                case AUTHOR -> "only the proposer may " + verb(action);
                case INVITED -> "only a member invited to co-sign may " + verb(action);
                case COSIGNER -> "only a co-signer may " + verb(action);
                case OFFICE -> "only the proposal office may " + verb(action);
                case ASSIGNED_UNIT -> "only a unit this proposal is assigned to may " + verb(action);
                case LEAD_UNIT -> "only a lead unit (主办) of this proposal may " + verb(action);
                case SUPERVISOR -> "only the proposal office or the key proposal's supervising leader may " + verb(action);
            });
        }
        if (!action.from().contains(p.status)) {
            throw Problems.conflict("'" + verb(action) + "' is not possible while the proposal is " + p.status
                    + " (only when " + action.from() + ")");
        }
    }

    /** Records the first state of a new (already stored) proposal. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void created(Proposal p, Action action) {
        insert(p, action, null, p.status, null);
    }

    /** Records the transition (the caller has checked it) and moves the proposal to its new state. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Proposal p, Action action, ProposalStatus to, String note) {
        ProposalStatus from = p.status;
        p.status = to;
        insert(p, action, from, to, note);
    }

    private void insert(Proposal p, Action action, ProposalStatus from, ProposalStatus to, String note) {
        em.createNativeQuery("insert into proposal_transition (id, committee, proposal_id, action, from_status, to_status, actor_id, "
                        + "actor_name, actor_role, note, at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                .setParameter(1, Ids.newId()).setParameter(2, committee.code()).setParameter(3, p.id).setParameter(4, action.name())
                .setParameter(5, from == null ? null : from.name()).setParameter(6, to.name()).setParameter(7, caller.userId())
                .setParameter(8, caller.displayName()).setParameter(9, roleFor(action)).setParameter(10, note)
                .setParameter(11, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).executeUpdate();
    }

    public List<TransitionView> history(UUID proposalId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select action, from_status, to_status, actor_name, actor_role, note, at "
                + "from proposal_transition where proposal_id = ?1 and committee = ?2 order by at, id")
                .setParameter(1, proposalId).setParameter(2, committee.code()).getResultList();
        return rows.stream().map(r -> new TransitionView((String) r[0], r[1] == null ? null : ProposalStatus.valueOf((String) r[1]),
                ProposalStatus.valueOf((String) r[2]), (String) r[3], (String) r[4], (String) r[5], SqlTime.instant(r[6]))).toList();
    }

    private String roleFor(Action action) {
        return switch (action.actor()) {
            case AUTHOR, INVITED, COSIGNER -> Roles.MEMBER;
            case OFFICE -> Roles.PROPOSAL_OFFICE;
            case ASSIGNED_UNIT, LEAD_UNIT -> Roles.HANDLING_UNIT;
            case SUPERVISOR -> committee.has(Roles.PROPOSAL_OFFICE) ? Roles.PROPOSAL_OFFICE : Roles.LEADER;
        };
    }

    private static String verb(Action a) {
        return a.name().toLowerCase().replace('_', ' ');
    }

}
