package org.cppcc.proposals.reply;

import org.cppcc.platform.attachments.Attachment;
import org.cppcc.platform.attachments.AttachmentTypes;
import org.cppcc.platform.attachments.Attachments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.contracts.ProposalEvents;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.time.SqlTime;
import org.cppcc.proposals.assignment.Assignment;
import org.cppcc.proposals.lifecycle.Action;
import org.cppcc.proposals.lifecycle.ProposalAccess;
import org.cppcc.proposals.lifecycle.ProposalSteps;
import org.cppcc.proposals.lifecycle.Transitions;
import org.cppcc.proposals.submission.Proposal;
import org.cppcc.proposals.submission.ProposalStatus;
import org.cppcc.proposals.submission.ProposalView;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** 答复: a lead unit's reply letter (A/B/C, with attachments), and the draft it saves while writing it (拟稿). */
@ApplicationScoped
@Transactional
public class ReplyService {

    public record Reply(@NotNull @Pattern(regexp = "A|B|C") String classification, @NotBlank @Size(max = 20000) String body,
                        @Size(max = Attachments.MAX_FILES) List<@Valid @NotNull Attachment> attachments) {
    }

    /** A reply being drafted by a lead unit (saved, not sent). */
    public record ReplyDraft(@Pattern(regexp = "A|B|C") String classification, @NotNull @Size(max = 20000) String body) {
    }

    private final ProposalSteps steps;
    private final Transitions transitions;
    private final ProposalAccess access;
    private final EntityManager em;
    private final Caller caller;
    private final Clock clock;

    public ReplyService(ProposalSteps steps, Transitions transitions, ProposalAccess access, EntityManager em, Caller caller, Clock clock) {
        this.steps = steps;
        this.transitions = transitions;
        this.access = access;
        this.em = em;
        this.caller = caller;
        this.clock = clock;
    }

    /** 答复: when every lead of the round has replied, the proposal is REPLIED and the proposer is asked for feedback. */
    public ProposalView reply(UUID id, Reply r, Long version) {
        Proposal p = steps.begin(id, Action.REPLY, version);
        Assignment mine = myLead(p);
        if (!Assignment.OPEN.equals(mine.status)) {
            throw Problems.conflict("your unit's assignment is " + mine.status + ": it cannot reply in this round");
        }
        List<byte[]> files = Attachments.decode(r.attachments());
        UUID replyId = Ids.newId();
        java.time.Instant now = clock.instant();
        em.createNativeQuery("insert into reply (id, committee, proposal_id, assignment_id, classification, body, replied_by, replied_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, replyId).setParameter(2, p.committee).setParameter(3, p.id).setParameter(4, mine.id)
                .setParameter(5, r.classification()).setParameter(6, r.body()).setParameter(7, caller.userId())
                .setParameter(8, SqlTime.param(now)).executeUpdate();
        for (int i = 0; i < files.size(); i++) {
            Attachment a = r.attachments().get(i);
            em.createNativeQuery("insert into reply_attachment (id, committee, reply_id, name, content_type, size, content) "
                            + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, Ids.newId()).setParameter(2, p.committee).setParameter(3, replyId).setParameter(4, a.name())
                    .setParameter(5, AttachmentTypes.normalised(a.contentType())).setParameter(6, files.get(i).length)
                    .setParameter(7, files.get(i)).executeUpdate();
        }
        em.createNativeQuery("delete from reply_draft where assignment_id = ?1").setParameter(1, mine.id).executeUpdate();
        mine.status = Assignment.REPLIED;
        mine.repliedAt = now;
        mine.classification = r.classification();
        // under the proposal's lock, so a lead replying at the same moment is counted here or sees this reply
        long open = em.createQuery("select count(a) from Assignment a where a.proposalId = :p and a.handlingRound = :r and a.role = 'LEAD' "
                        + "and a.status = 'OPEN' and a.id <> :mine", Long.class).setParameter("p", p.id).setParameter("r", p.handlingRound)
                .setParameter("mine", mine.id).getSingleResult();
        boolean all = open == 0;
        String unitName = access.unitName(mine.unitId).orElse("");
        transitions.record(p, Action.REPLY, all ? ProposalStatus.REPLIED : p.status, unitName + " " + r.classification());
        steps.publish(EventTypes.PROPOSAL_REPLIED, p, new ProposalEvents.Replied(p.id.toString(), p.title, p.authorUserId,
                mine.unitId.toString(), unitName, r.classification(), p.handlingRound, all));
        return steps.done(p);
    }

    /** The caller's unit's lead assignment in this round, an open one first (an officer may serve several units). */
    private Assignment myLead(Proposal p) {
        return access.myAssignments(p.id, p.handlingRound).stream().filter(a -> Assignment.LEAD.equals(a.role))
                .min(Comparator.comparing(a -> !Assignment.OPEN.equals(a.status)))
                .orElseThrow(() -> Problems.forbidden("only a lead unit (主办) of this proposal may reply"));
    }

    /** 拟稿: a lead unit saves the reply it is writing (sent later with reply). */
    public void saveDraft(UUID id, ReplyDraft d) {
        Proposal p = steps.begin(id, Action.REPLY, null);
        Assignment mine = myLead(p);
        em.createNativeQuery("insert into reply_draft (assignment_id, committee, classification, body, updated_by, updated_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (assignment_id) do update set classification = excluded.classification, "
                        + "body = excluded.body, updated_by = excluded.updated_by, updated_at = excluded.updated_at")
                .setParameter(1, mine.id).setParameter(2, p.committee).setParameter(3, d.classification()).setParameter(4, d.body())
                .setParameter(5, caller.userId()).setParameter(6, SqlTime.param(clock.instant())).executeUpdate();
    }

    /** The lead unit's saved draft, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReplyDraft> draft(UUID id) {
        Proposal p = access.visible(id);
        Assignment mine = myLead(p);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select classification, body from reply_draft where assignment_id = ?1")
                .setParameter(1, mine.id).getResultList();
        return rows.stream().findFirst().map(r -> new ReplyDraft(r[0] == null ? null : String.valueOf(r[0]), (String) r[1]));
    }
}
