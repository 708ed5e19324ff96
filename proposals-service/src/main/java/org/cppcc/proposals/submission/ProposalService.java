package org.cppcc.proposals.submission;

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

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class ProposalService {

    private final ProposalRepository proposals;
    private final Outbox outbox;
    private final Idempotency idempotency;
    private final Caller caller;
    private final CommitteeContext committee;

    public ProposalService(ProposalRepository proposals, Outbox outbox, Idempotency idempotency, Caller caller,
                           CommitteeContext committee) {
        this.proposals = proposals;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.caller = caller;
        this.committee = committee;
    }

    /** 提交: stores the proposal and its ProposalSubmitted event in one transaction. */
    public Created<ProposalView> submit(SubmitProposal request, String idempotencyKey) {
        String scope = "proposals.submit:" + committee.code() + ":" + caller.userId();
        return idempotency.once(idempotencyKey, scope, ProposalView.class, () -> {
            Proposal p = new Proposal();
            p.id = Ids.newId();
            p.title = request.title().strip();
            p.body = request.body();
            p.kind = ProposalKind.INDIVIDUAL;
            p.status = ProposalStatus.SUBMITTED;
            p.authorUserId = caller.userId();
            p.authorName = caller.displayName();
            p.publishConsent = request.publishConsent();
            p.submittedAt = Instant.now();
            proposals.persistAndFlush(p);
            outbox.publish(Topics.PROPOSALS, EventTypes.PROPOSAL_SUBMITTED, committee.code(), p.id.toString(),
                    new ProposalSubmitted(p.id.toString(), p.title, p.kind.name(), p.authorUserId, p.authorName, p.submittedAt));
            return new Created<>(p.id.toString(), ProposalView.of(p));
        });
    }

    /** A proposal the caller may see: staff see their committee's, members their own; anything else is 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ProposalView get(UUID id) {
        return proposals.byId(id).filter(this::visible).map(ProposalView::of)
                .orElseThrow(() -> Problems.notFound("proposal", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ProposalView> list(PageRequest page, boolean mine) {
        String author = mine || !isStaff() ? caller.userId() : null;
        return Page.of(proposals.page(page, author), page, p -> p.id.toString(), ProposalView::of);
    }

    private boolean visible(Proposal p) {
        return isStaff() || p.authorUserId.equals(caller.userId());
    }

    private boolean isStaff() {
        return committee.has(Roles.PROPOSAL_OFFICE) || committee.has(Roles.LEADER) || committee.has(Roles.COMMITTEE_ADMIN);
    }
}
