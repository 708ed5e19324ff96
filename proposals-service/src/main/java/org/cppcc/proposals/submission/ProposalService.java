package org.cppcc.proposals.submission;

import org.cppcc.platform.roster.MemberRoster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.Topics;
import org.cppcc.platform.events.contracts.ProposalSubmitted;
import org.cppcc.platform.idempotency.Idempotency;
import org.cppcc.platform.idempotency.Idempotency.Created;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.outbox.Outbox;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.proposals.lifecycle.Action;
import org.cppcc.proposals.clues.Clues;
import org.cppcc.proposals.lifecycle.ProposalAccess;
import org.cppcc.proposals.lifecycle.ProposalSteps;
import org.cppcc.proposals.lifecycle.Transitions;
import org.cppcc.proposals.joint.Cosigners;
import org.cppcc.proposals.review.ProposalSettings;
import org.cppcc.platform.events.contracts.ProposalEvents;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class ProposalService {

    private final ProposalRepository proposals;
    private final Outbox outbox;
    private final Idempotency idempotency;
    private final Caller caller;
    private final CommitteeContext committee;
    private final ProposalAccess access;
    private final Transitions transitions;
    private final Clock clock;
    private final Cosigners cosigners;
    private final ProposalSettings settings;
    private final ProposalSteps steps;
    private final Clues clues;
    private final MemberRoster roster;

    public ProposalService(ProposalRepository proposals, Outbox outbox, Idempotency idempotency, Caller caller,
                           CommitteeContext committee, ProposalAccess access, Transitions transitions, Clock clock,
                           Cosigners cosigners, ProposalSettings settings, ProposalSteps steps, Clues clues,
                           MemberRoster roster) {
        this.steps = steps;
        this.roster = roster;
        this.clues = clues;
        this.proposals = proposals;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.caller = caller;
        this.committee = committee;
        this.access = access;
        this.transitions = transitions;
        this.clock = clock;
        this.cosigners = cosigners;
        this.settings = settings;
    }

    /** 提交 (or a draft): stores the proposal and, when submitted, its ProposalSubmitted event in one transaction. */
    public Created<ProposalView> submit(SubmitProposal request, String idempotencyKey) {
        String scope = "proposals.submit:" + committee.code() + ":" + caller.userId();
        return idempotency.once(idempotencyKey, scope, ProposalView.class, () -> {
            Proposal p = new Proposal();
            p.id = Ids.newId();
            p.title = request.title().strip();
            p.body = request.body();
            p.kind = request.kind() == null ? ProposalKind.INDIVIDUAL : request.kind();
            List<MemberRoster.RosterMember> invitees = checkKind(request);
            p.authorUserId = caller.userId();
            p.authorName = caller.displayName();
            p.onBehalfOf = p.kind == ProposalKind.RECOMMENDATION && (request.onBehalfOf() == null || request.onBehalfOf().isBlank())
                    ? "本会" : p.kind.collective() ? request.onBehalfOf().strip() : null;
            p.authorSector = p.kind.collective() ? null : roster.sector(committee.code(), p.authorUserId).orElse(null);
            p.tags = Tags.clean(request.tags());
            p.publishConsent = request.publishConsent();
            boolean draft = Boolean.TRUE.equals(request.draft());
            p.submittedAt = draft ? null : clock.instant();
            ProposalSettings.Settings s = settings.current();
            p.term = s.term();
            p.session = s.session();
            p.status = draft ? ProposalStatus.DRAFT : ProposalStatus.SUBMITTED;
            if (p.kind == ProposalKind.JOINT) {
                p.signingDeadline = request.signingDeadline() != null ? request.signingDeadline() : clock.instant().plus(Duration.ofDays(7));
                if (!p.signingDeadline.isAfter(clock.instant())) {
                    throw Problems.badRequest("the signing deadline must be in the future");
                }
            }
            if (request.clueId() != null) {
                clues.link(p, request.clueId());
            }
            proposals.persistAndFlush(p);
            transitions.created(p, draft ? Action.EDIT : Action.SUBMIT);
            if (!invitees.isEmpty()) {
                cosigners.invite(p.id, invitees);
                outbox.publish(Topics.PROPOSALS, EventTypes.PROPOSAL_COSIGN_INVITED, committee.code(), p.id.toString(),
                        new ProposalEvents.CosignInvited(p.id.toString(), p.title, p.authorName,
                                invitees.stream().map(MemberRoster.RosterMember::userId).toList(), p.signingDeadline));
            }
            if (!draft) {
                outbox.publish(Topics.PROPOSALS, EventTypes.PROPOSAL_SUBMITTED, committee.code(), p.id.toString(),
                        new ProposalSubmitted(p.id.toString(), p.title, p.kind.name(), p.authorUserId, p.authorName, p.submittedAt));
                clues.submitted(p);
            }
            return new Created<>(p.id.toString(), ProposalView.of(p));
        });
    }

    /** Individual and joint proposals are members'; collective ones are submitted by the office for a party, sector or committee. */
    private List<MemberRoster.RosterMember> checkKind(SubmitProposal r) {
        boolean office = committee.has(Roles.PROPOSAL_OFFICE);
        boolean member = committee.has(Roles.MEMBER);
        List<String> names = r.coSigners() == null ? List.of() : r.coSigners();
        switch (r.kind() == null ? ProposalKind.INDIVIDUAL : r.kind()) {
            case COLLECTIVE -> {
                if (!office) {
                    throw Problems.forbidden("collective proposals (集体提案) are submitted by the proposal office");
                }
                if (r.onBehalfOf() == null || r.onBehalfOf().isBlank()) {
                    throw Problems.badRequest("a collective proposal names the party, sector or committee it is for (onBehalfOf)");
                }
            }
            case JOINT -> {
                if (!member) {
                    throw Problems.forbidden("only members submit joint proposals");
                }
                if (names.isEmpty()) {
                    throw Problems.badRequest("a joint proposal (联名提案) invites at least one co-signer (coSigners)");
                }
                if (names.contains(caller.username())) {
                    throw Problems.badRequest("the proposer cannot co-sign their own proposal");
                }
                return cosigners.members(names);
            }
            case RECOMMENDATION -> {
                if (!office) {
                    throw Problems.forbidden("建议案 (the committee's own recommendation) is filed by the proposal office");
                }
            }
            case INDIVIDUAL -> {
                if (!member) {
                    throw Problems.forbidden("only members submit proposals; staff submit collective ones");
                }
            }
        }
        if (!names.isEmpty()) {
            throw Problems.badRequest("only a joint proposal has co-signers");
        }
        return List.of();
    }

    /** 修改: the proposer edits a draft or a returned proposal (If-Match: the version they read). */
    public ProposalView edit(UUID id, SubmitProposal request, Long expectedVersion) {
        Proposal p = steps.begin(id, Action.EDIT, expectedVersion);
        p.title = request.title().strip();
        p.body = request.body();
        p.publishConsent = request.publishConsent();
        if (request.tags() != null) {
            p.tags = Tags.clean(request.tags());
        }
        transitions.record(p, Action.EDIT, p.status, null);
        return steps.done(p);
    }

    /** 提交 of a draft or of a proposal returned for revision. */
    public ProposalView submit(UUID id, Long version) {
        Proposal p = steps.begin(id, Action.SUBMIT, version);
        boolean firstTime = p.status == ProposalStatus.DRAFT; // not a proposal returned for revision
        p.submittedAt = clock.instant();
        transitions.record(p, Action.SUBMIT, ProposalStatus.SUBMITTED, null);
        steps.publish(EventTypes.PROPOSAL_SUBMITTED, p, new ProposalSubmitted(p.id.toString(), p.title, p.kind.name(), p.authorUserId,
                p.authorName, p.submittedAt));
        if (firstTime) {
            clues.submitted(p); // a clue's unit hears once, when the proposal first leaves its author
        }
        return steps.done(p);
    }

    /** 主题: the office sets a proposal's subject tags (the author's are a suggestion). */
    public ProposalView tag(UUID id, List<String> tags, Long version) {
        Proposal p = steps.begin(id, Action.TAG, version);
        p.tags = Tags.clean(tags);
        transitions.record(p, Action.TAG, p.status, String.join("、", p.tags));
        return steps.done(p);
    }

    /** 撤回: the proposer withdraws it before registration. */
    public ProposalView withdraw(UUID id, Long version) {
        Proposal p = steps.begin(id, Action.WITHDRAW, version);
        transitions.record(p, Action.WITHDRAW, ProposalStatus.WITHDRAWN, null);
        steps.publish(EventTypes.PROPOSAL_WITHDRAWN, p, new ProposalEvents.Withdrawn(p.id.toString(), p.title, p.authorUserId));
        return steps.done(p);
    }

    /** A proposal the caller may see (see {@link ProposalAccess}); anything else is 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ProposalView get(UUID id) {
        return ProposalView.of(access.visible(id));
    }

    /** Staff: the committee's (mine=true: their own); a unit officer: those assigned to their unit; a member: their own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ProposalView> list(PageRequest page, boolean mine, ProposalStatus status) {
        boolean staff = access.isStaff() && !mine;
        List<UUID> units = !staff && !mine && committee.has(Roles.HANDLING_UNIT) ? access.myUnits() : List.of();
        String author = staff || !units.isEmpty() ? null : caller.userId();
        return Page.of(proposals.page(page, author, units, status, caller.userId()), page, p -> p.id.toString(), ProposalView::of);
    }
}
