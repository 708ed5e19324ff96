package org.cppcc.proposals.lifecycle;

import org.cppcc.proposals.submission.ProposalStatus;

import java.util.EnumSet;
import java.util.Set;

import static org.cppcc.proposals.submission.ProposalStatus.COMPLETED;
import static org.cppcc.proposals.submission.ProposalStatus.DRAFT;
import static org.cppcc.proposals.submission.ProposalStatus.HANDLING;
import static org.cppcc.proposals.submission.ProposalStatus.MERGED;
import static org.cppcc.proposals.submission.ProposalStatus.NOT_REGISTERED;
import static org.cppcc.proposals.submission.ProposalStatus.REGISTERED;
import static org.cppcc.proposals.submission.ProposalStatus.REPLIED;
import static org.cppcc.proposals.submission.ProposalStatus.RETURNED;
import static org.cppcc.proposals.submission.ProposalStatus.SUBMITTED;
import static org.cppcc.proposals.submission.ProposalStatus.WITHDRAWN;

/**
 * Everything that can be done to a proposal: who may do it and in which states. The one table every
 * transition is checked against (docs/api.md draws it).
 */
public enum Action {
    EDIT(Actor.AUTHOR, EnumSet.of(DRAFT, RETURNED)),
    COSIGN(Actor.INVITED, EnumSet.of(DRAFT, SUBMITTED, RETURNED)),
    SUBMIT(Actor.AUTHOR, EnumSet.of(DRAFT, RETURNED)),
    WITHDRAW(Actor.AUTHOR, EnumSet.of(DRAFT, SUBMITTED, RETURNED)),
    REGISTER(Actor.OFFICE, EnumSet.of(SUBMITTED)),
    NOT_REGISTER(Actor.OFFICE, EnumSet.of(SUBMITTED)),
    RETURN(Actor.OFFICE, EnumSet.of(SUBMITTED)),
    MERGE(Actor.OFFICE, EnumSet.of(SUBMITTED)),
    ASSIGN(Actor.OFFICE, EnumSet.of(REGISTERED)),
    MARK_KEY(Actor.OFFICE, EnumSet.of(REGISTERED, HANDLING, REPLIED)),
    /** 优秀提案: the office records the award of a nominated proposal */
    MARK_EXCELLENT(Actor.OFFICE, EnumSet.of(REGISTERED, HANDLING, REPLIED, COMPLETED)),
    /** 主题: the office sets the subject tags */
    TAG(Actor.OFFICE, EnumSet.of(SUBMITTED, REGISTERED, HANDLING, REPLIED, COMPLETED)),
    /** 督办: a meeting, visit or instruction about a key proposal, by its supervising leader or the office */
    SUPERVISE(Actor.SUPERVISOR, EnumSet.of(REGISTERED, HANDLING, REPLIED)),
    /** 延期: a unit asks to move its deadline; the office decides */
    REQUEST_EXTENSION(Actor.ASSIGNED_UNIT, EnumSet.of(HANDLING)),
    DECIDE_EXTENSION(Actor.OFFICE, EnumSet.of(HANDLING)),
    NOTE(Actor.ASSIGNED_UNIT, EnumSet.of(HANDLING)),
    REQUEST_RETURN(Actor.ASSIGNED_UNIT, EnumSet.of(HANDLING)),
    REASSIGN(Actor.OFFICE, EnumSet.of(HANDLING)),
    REPLY(Actor.LEAD_UNIT, EnumSet.of(HANDLING)),
    FEEDBACK(Actor.AUTHOR, EnumSet.of(REPLIED)),
    COSIGNER_FEEDBACK(Actor.COSIGNER, EnumSet.of(REPLIED, HANDLING, COMPLETED)),
    PUBLISH(Actor.OFFICE, EnumSet.of(REPLIED, COMPLETED)),
    ARCHIVE(Actor.OFFICE, EnumSet.of(COMPLETED, NOT_REGISTERED, WITHDRAWN, MERGED));

    /**
     * Who may act: the (first) proposer, a member invited to co-sign, a co-signer who accepted, the committee's
     * proposal office, a unit the proposal is assigned to (as lead), or the office or the key proposal's supervising
     * leader.
     */
    public enum Actor { AUTHOR, INVITED, COSIGNER, OFFICE, ASSIGNED_UNIT, LEAD_UNIT, SUPERVISOR }

    private final Actor actor;
    private final Set<ProposalStatus> from;

    Action(Actor actor, Set<ProposalStatus> from) {
        this.actor = actor;
        this.from = from;
    }

    public Actor actor() {
        return actor;
    }

    public Set<ProposalStatus> from() {
        return from;
    }
}
