package org.cppcc.proposals.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.proposals.assignment.Assignment;
import org.cppcc.proposals.joint.Cosigners;
import org.cppcc.proposals.submission.Proposal;
import org.cppcc.proposals.submission.ProposalRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who sees which proposal: the proposal office, leaders and administrators see their committee's; a member
 * their own; a handling-unit officer those assigned to their unit. Anything else is "not found".
 */
@ApplicationScoped
public class ProposalAccess {

    private final ProposalRepository proposals;
    private final EntityManager em;
    private final Caller caller;
    private final CommitteeContext committee;
    private final Cosigners cosigners;

    public ProposalAccess(ProposalRepository proposals, EntityManager em, Caller caller, CommitteeContext committee, Cosigners cosigners) {
        this.proposals = proposals;
        this.em = em;
        this.caller = caller;
        this.committee = committee;
        this.cosigners = cosigners;
    }

    /** What the caller is to this proposal: a unit's role on it, an invitation to co-sign. */
    public Transitions.Party party(Proposal p) {
        return new Transitions.Party(unitRole(p), cosigners.status(p.id, caller.userId()).orElse(null));
    }

    /** A proposal the caller may see, or 404. */
    public Proposal visible(UUID id) {
        return proposals.byId(id).filter(this::canSee).orElseThrow(() -> Problems.notFound("proposal", id));
    }

    public boolean isStaff() {
        return committee.has(Roles.PROPOSAL_OFFICE) || committee.has(Roles.LEADER) || committee.has(Roles.COMMITTEE_ADMIN);
    }

    /** Drafts are for their author and the members invited to co-sign them. */
    public boolean canSee(Proposal p) {
        if (p.authorUserId.equals(caller.userId()) || cosigners.status(p.id, caller.userId()).isPresent()) {
            return true;
        }
        return p.status != org.cppcc.proposals.submission.ProposalStatus.DRAFT && (isStaff() || !myAssignments(p.id, null).isEmpty());
    }

    /** The caller's unit's role on this proposal in its current round: LEAD if any of their units leads, else CO, else null. */
    public String unitRole(Proposal p) {
        List<Assignment> mine = myAssignments(p.id, p.handlingRound);
        if (mine.isEmpty()) {
            return null;
        }
        return mine.stream().anyMatch(a -> Assignment.LEAD.equals(a.role)) ? Assignment.LEAD : Assignment.CO;
    }

    /** The caller's units' assignments of this proposal (in one round, or all rounds when round is null). */
    public List<Assignment> myAssignments(UUID proposalId, Integer round) {
        if (!committee.has(Roles.HANDLING_UNIT)) {
            return List.of();
        }
        List<UUID> units = myUnits();
        if (units.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select a from Assignment a where a.proposalId = :p and a.unitId in :units", Assignment.class)
                .setParameter("p", proposalId).setParameter("units", units).getResultList().stream()
                .filter(a -> round == null || a.handlingRound == round).toList();
    }

    /** The caller's units (handling-unit officers). */
    public List<UUID> myUnits() {
        return em.createQuery("select u.id from HandlingUnit u where :me member of u.officers", UUID.class)
                .setParameter("me", caller.username()).getResultList();
    }

    public Optional<String> unitName(UUID unitId) {
        return em.createQuery("select u.name from HandlingUnit u where u.id = :id", String.class).setParameter("id", unitId)
                .getResultStream().findFirst();
    }
}
