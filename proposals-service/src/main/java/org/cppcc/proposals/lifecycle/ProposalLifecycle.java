package org.cppcc.proposals.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.Topics;
import org.cppcc.platform.events.contracts.ProposalEvents;
import org.cppcc.platform.events.contracts.ProposalSubmitted;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.outbox.Outbox;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.proposals.handling.Assignment;
import org.cppcc.proposals.joint.Cosigners;
import org.cppcc.proposals.review.ProposalSettings;
import org.cppcc.proposals.submission.Proposal;
import org.cppcc.proposals.submission.ProposalStatus;
import org.cppcc.proposals.submission.ProposalView;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.cppcc.platform.time.ClockProducer.CHINA;

/**
 * Every step of a proposal after it is written: submit, withdraw, review (立案 / 不予立案 / 退回), mark key,
 * assign (交办), handling notes, reply (答复), feedback (反馈) with re-handling (二次办理), publish (公开) and
 * archive (归档). Each step goes through {@link Transitions} and publishes its event in the same transaction.
 */
@ApplicationScoped
@Transactional
public class ProposalLifecycle {

    /** convertTo (不予立案 only): OPINION_REPORT turns it into a 社情民意 report, LETTER into a letter to the departments. */
    public record Reason(@NotBlank @Size(max = 1000) String reason, @Pattern(regexp = "OPINION_REPORT|LETTER") String convertTo) {
    }

    public record Cosign(@NotNull Boolean accept) {
    }

    public record Merge(@NotNull UUID into) {
    }

    public record Reassign(@NotNull UUID fromUnit, @NotNull UUID toUnit) {
    }

    public record SessionRef(@NotNull Integer term, @NotNull Integer session) {
    }

    public record MarkKey(@NotBlank @Size(max = 100) String supervisingLeader) {
    }

    public record Assign(@NotEmpty @Size(max = 10) List<@NotNull UUID> leads, @Size(max = 10) List<@NotNull UUID> coHandlers,
                         LocalDate deadline) {
    }

    public record Note(@NotNull @Pattern(regexp = "CONTACT_BEFORE|CONTACT_DURING|CONTACT_AFTER|PROGRESS|CO_OPINION") String kind,
                       @NotBlank @Size(max = 5000) String body) {
    }

    /** A file sent with a reply letter (base64); at most {@value #MAX_ATTACHMENTS} files of {@value #MAX_ATTACHMENT_BYTES} bytes. */
    public record Attachment(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String contentType,
                             @NotBlank String contentBase64) {
    }

    public record Reply(@NotNull @Pattern(regexp = "A|B|C") String classification, @NotBlank @Size(max = 20000) String body,
                        @Size(max = MAX_ATTACHMENTS) List<@Valid @NotNull Attachment> attachments) {
    }

    /** A reply being drafted by a lead unit (saved, not sent). */
    public record ReplyDraft(@Pattern(regexp = "A|B|C") String classification, @NotNull @Size(max = 20000) String body) {
    }

    public static final int MAX_ATTACHMENTS = 5;
    public static final int MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

    public record Feedback(@NotNull @Pattern(regexp = "SATISFIED|BASICALLY_SATISFIED|UNSATISFIED") String replyRating,
                           @NotNull @Pattern(regexp = "SATISFIED|BASICALLY_SATISFIED|UNSATISFIED") String contactRating,
                           @Size(max = 2000) String comment) {
    }

    private final ProposalAccess access;
    private final Transitions transitions;
    private final ProposalSettings settings;
    private final Outbox outbox;
    private final EntityManager em;
    private final CommitteeContext committee;
    private final Caller caller;
    private final Clock clock;
    private final Cosigners cosigners;

    private final org.cppcc.proposals.opinions.OpinionReports opinionReports;

    public ProposalLifecycle(ProposalAccess access, Transitions transitions, ProposalSettings settings, Outbox outbox, EntityManager em,
                             CommitteeContext committee, Caller caller, Clock clock, Cosigners cosigners,
                             org.cppcc.proposals.opinions.OpinionReports opinionReports) {
        this.opinionReports = opinionReports;
        this.access = access;
        this.transitions = transitions;
        this.settings = settings;
        this.outbox = outbox;
        this.em = em;
        this.committee = committee;
        this.caller = caller;
        this.clock = clock;
        this.cosigners = cosigners;
    }

    /** Loads a visible proposal and checks the action, with the expected version when the client sends one (409 if stale). */
    private Proposal begin(UUID id, Action action, Long expectedVersion) {
        Proposal p = access.visible(id);
        transitions.check(p, action, access.party(p), expectedVersion);
        return p;
    }

    private ProposalView done(Proposal p) {
        em.flush();
        return ProposalView.of(p);
    }

    private void publish(String type, Proposal p, Object data) {
        outbox.publish(Topics.PROPOSALS, type, committee.code(), p.id.toString(), data);
    }

    public ProposalView submit(UUID id, Long version) {
        Proposal p = begin(id, Action.SUBMIT, version);
        p.submittedAt = clock.instant();
        transitions.record(p, Action.SUBMIT, ProposalStatus.SUBMITTED, null);
        publish(EventTypes.PROPOSAL_SUBMITTED, p, new ProposalSubmitted(p.id.toString(), p.title, p.kind.name(), p.authorUserId,
                p.authorName, p.submittedAt));
        return done(p);
    }

    public ProposalView withdraw(UUID id, Long version) {
        Proposal p = begin(id, Action.WITHDRAW, version);
        transitions.record(p, Action.WITHDRAW, ProposalStatus.WITHDRAWN, null);
        publish(EventTypes.PROPOSAL_WITHDRAWN, p, new ProposalEvents.Withdrawn(p.id.toString(), p.title, p.authorUserId));
        return done(p);
    }

    /** 立案: registers under the next number of the current session. */
    public ProposalView register(UUID id, Long version) {
        Proposal p = begin(id, Action.REGISTER, version);
        ProposalSettings.Settings s = settings.current();
        p.term = s.term();
        p.session = s.session();
        p.number = settings.nextNumber(s);
        p.registeredAt = clock.instant();
        cosigners.expirePending(p.id);
        transitions.record(p, Action.REGISTER, ProposalStatus.REGISTERED, p.number);
        publish(EventTypes.PROPOSAL_REGISTERED, p, new ProposalEvents.Registered(p.id.toString(), p.title, p.number, p.authorUserId));
        return done(p);
    }

    /** 不予立案, with the reason the proposer will read. */
    public ProposalView notRegister(UUID id, Reason r, Long version) {
        Proposal p = begin(id, Action.NOT_REGISTER, version);
        p.decisionReason = r.reason().strip();
        p.convertedTo = r.convertTo();
        transitions.record(p, Action.NOT_REGISTER, ProposalStatus.NOT_REGISTERED, p.decisionReason);
        publish(EventTypes.PROPOSAL_NOT_REGISTERED, p, new ProposalEvents.Decided(p.id.toString(), p.title, p.authorUserId, p.decisionReason,
                p.convertedTo));
        if ("OPINION_REPORT".equals(p.convertedTo)) {
            opinionReports.fromProposal(p.title, p.body, p.authorUserId, p.authorName);
        }
        return done(p);
    }

    /** 退回修改: back to the proposer, who edits and submits again. */
    public ProposalView returnForRevision(UUID id, Reason r, Long version) {
        Proposal p = begin(id, Action.RETURN, version);
        p.decisionReason = r.reason().strip();
        transitions.record(p, Action.RETURN, ProposalStatus.RETURNED, p.decisionReason);
        publish(EventTypes.PROPOSAL_RETURNED, p, new ProposalEvents.Decided(p.id.toString(), p.title, p.authorUserId, p.decisionReason, null));
        return done(p);
    }

    /** 重点提案 with its supervising leader (督办). */
    public ProposalView markKey(UUID id, MarkKey k, Long version) {
        Proposal p = begin(id, Action.MARK_KEY, version);
        p.keyProposal = true;
        p.supervisingLeader = k.supervisingLeader().strip();
        transitions.record(p, Action.MARK_KEY, p.status, p.supervisingLeader);
        publish(EventTypes.PROPOSAL_MARKED_KEY, p, new ProposalEvents.MarkedKey(p.id.toString(), p.title, p.authorUserId, p.supervisingLeader));
        return done(p);
    }

    /** 交办: lead units (several: 分办) and co-handling units, each with the deadline (default: the committee's). */
    public ProposalView assign(UUID id, Assign a, Long version) {
        Proposal p = begin(id, Action.ASSIGN, version);
        Set<UUID> leads = new LinkedHashSet<>(a.leads());
        Set<UUID> cos = new LinkedHashSet<>(a.coHandlers() == null ? List.of() : a.coHandlers());
        cos.removeAll(leads);
        LocalDate deadline = a.deadline() != null ? a.deadline()
                : LocalDate.ofInstant(clock.instant(), CHINA).plusDays(settings.current().deadlineDays());
        if (!deadline.isAfter(LocalDate.ofInstant(clock.instant(), CHINA))) {
            throw Problems.badRequest("the deadline must be in the future");
        }
        p.handlingRound = 1;
        List<ProposalEvents.Assigned.Unit> units = new ArrayList<>();
        for (UUID unit : leads) {
            units.add(createAssignment(p, unit, Assignment.LEAD, deadline));
        }
        for (UUID unit : cos) {
            units.add(createAssignment(p, unit, Assignment.CO, deadline));
        }
        transitions.record(p, Action.ASSIGN, ProposalStatus.HANDLING, units.stream().map(u -> u.unitName() + "(" + u.role() + ")").toList().toString());
        publish(EventTypes.PROPOSAL_ASSIGNED, p, new ProposalEvents.Assigned(p.id.toString(), p.title, p.handlingRound, units));
        return done(p);
    }

    private ProposalEvents.Assigned.Unit createAssignment(Proposal p, UUID unitId, String role, LocalDate deadline) {
        String name = access.unitName(unitId).orElseThrow(() -> Problems.badRequest("handling unit " + unitId + " is not registered in this committee"));
        Assignment a = new Assignment();
        a.id = Ids.newId();
        a.proposalId = p.id;
        a.unitId = unitId;
        a.role = role;
        a.handlingRound = p.handlingRound;
        a.deadline = deadline;
        a.status = Assignment.OPEN;
        a.assignedAt = clock.instant();
        em.persist(a);
        return new ProposalEvents.Assigned.Unit(unitId.toString(), name, role, deadline);
    }

    /** 办理过程: a unit records its contact with the proposer, its progress, or (co-handlers) its opinion to the lead. */
    public void note(UUID id, Note n) {
        Proposal p = begin(id, Action.NOTE, null);
        List<Assignment> assignments = access.myAssignments(p.id, p.handlingRound);
        boolean co = "CO_OPINION".equals(n.kind());
        Assignment mine = assignments.stream().filter(a -> !co || Assignment.CO.equals(a.role)).findFirst()
                .orElseThrow(() -> Problems.conflict("only a co-handling unit (会办) sends its opinion to the lead"));
        em.createNativeQuery("insert into handling_note (id, committee, proposal_id, assignment_id, kind, body, written_by, written_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, Ids.newId()).setParameter(2, committee.code()).setParameter(3, p.id).setParameter(4, mine.id)
                .setParameter(5, n.kind()).setParameter(6, n.body()).setParameter(7, caller.userId())
                .setParameter(8, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).executeUpdate();
    }

    /** 答复: a lead unit's reply; when every lead of the round has replied, the proposer is asked for feedback. */
    public ProposalView reply(UUID id, Reply r, Long version) {
        Proposal p = begin(id, Action.REPLY, version);
        Assignment mine = access.myAssignments(p.id, p.handlingRound).stream().filter(a -> Assignment.LEAD.equals(a.role)).findFirst()
                .orElseThrow();
        if (!Assignment.OPEN.equals(mine.status)) {
            throw Problems.conflict("your unit has already replied in this round");
        }
        List<byte[]> files = decode(r.attachments());
        UUID replyId = Ids.newId();
        em.createNativeQuery("insert into reply (id, committee, proposal_id, assignment_id, classification, body, replied_by, replied_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, replyId).setParameter(2, committee.code()).setParameter(3, p.id).setParameter(4, mine.id)
                .setParameter(5, r.classification()).setParameter(6, r.body()).setParameter(7, caller.userId())
                .setParameter(8, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).executeUpdate();
        for (int i = 0; i < files.size(); i++) {
            Attachment a = r.attachments().get(i);
            em.createNativeQuery("insert into reply_attachment (id, committee, reply_id, name, content_type, size, content) "
                            + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, Ids.newId()).setParameter(2, committee.code()).setParameter(3, replyId).setParameter(4, a.name())
                    .setParameter(5, a.contentType()).setParameter(6, files.get(i).length).setParameter(7, files.get(i)).executeUpdate();
        }
        em.createNativeQuery("delete from reply_draft where assignment_id = ?1").setParameter(1, mine.id).executeUpdate();
        mine.status = Assignment.REPLIED;
        long open = em.createQuery("select count(a) from Assignment a where a.proposalId = :p and a.handlingRound = :r and a.role = 'LEAD' "
                + "and a.status = 'OPEN' and a.id <> :mine", Long.class).setParameter("p", p.id).setParameter("r", p.handlingRound)
                .setParameter("mine", mine.id).getSingleResult();
        boolean all = open == 0;
        String unitName = access.unitName(mine.unitId).orElse("");
        transitions.record(p, Action.REPLY, all ? ProposalStatus.REPLIED : p.status, unitName + " " + r.classification());
        publish(EventTypes.PROPOSAL_REPLIED, p, new ProposalEvents.Replied(p.id.toString(), p.title, p.authorUserId, mine.unitId.toString(),
                unitName, r.classification(), p.handlingRound, all));
        return done(p);
    }

    private static List<byte[]> decode(List<Attachment> attachments) {
        List<byte[]> out = new ArrayList<>();
        for (Attachment a : attachments == null ? List.<Attachment>of() : attachments) {
            byte[] bytes;
            try {
                bytes = java.util.Base64.getMimeDecoder().decode(a.contentBase64());
            } catch (IllegalArgumentException e) {
                throw Problems.badRequest("attachment '" + a.name() + "' is not base64");
            }
            if (bytes.length > MAX_ATTACHMENT_BYTES) {
                throw new org.cppcc.platform.problem.ProblemException(413, "attachment-too-large", "附件过大 / Attachment too large",
                        "'" + a.name() + "' has " + bytes.length + " bytes; at most " + MAX_ATTACHMENT_BYTES + " per file");
            }
            out.add(bytes);
        }
        return out;
    }

    /** 拟稿: a lead unit saves the reply it is writing (sent later with reply). */
    public void saveReplyDraft(UUID id, ReplyDraft d) {
        Proposal p = begin(id, Action.REPLY, null);
        Assignment mine = access.myAssignments(p.id, p.handlingRound).stream().filter(a -> Assignment.LEAD.equals(a.role)).findFirst().orElseThrow();
        em.createNativeQuery("insert into reply_draft (assignment_id, committee, classification, body, updated_by, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6) "
                        + "on conflict (assignment_id) do update set classification = excluded.classification, body = excluded.body, "
                        + "updated_by = excluded.updated_by, updated_at = excluded.updated_at")
                .setParameter(1, mine.id).setParameter(2, committee.code()).setParameter(3, d.classification()).setParameter(4, d.body())
                .setParameter(5, caller.userId()).setParameter(6, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).executeUpdate();
    }

    /** The lead unit's saved draft, if any. */
    public java.util.Optional<ReplyDraft> replyDraft(UUID id) {
        Proposal p = access.visible(id);
        List<Assignment> leads = access.myAssignments(p.id, p.handlingRound).stream().filter(a -> Assignment.LEAD.equals(a.role)).toList();
        if (leads.isEmpty()) {
            throw Problems.forbidden("only a lead unit (主办) of this proposal drafts its reply");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select classification, body from reply_draft where assignment_id = ?1")
                .setParameter(1, leads.get(0).id).getResultList();
        return rows.stream().findFirst().map(r -> new ReplyDraft(r[0] == null ? null : String.valueOf(r[0]), (String) r[1]));
    }

    /**
     * 反馈: the proposer rates the reply and the contact. 不满意 in the first round starts 二次办理 with the same units
     * and a new deadline; otherwise handling is finished.
     */
    public ProposalView feedback(UUID id, Feedback f, Long version) {
        Proposal visible = access.visible(id);
        if (!visible.authorUserId.equals(caller.userId())) {
            return cosignerFeedback(visible, f);
        }
        Proposal p = begin(id, Action.FEEDBACK, version);
        em.createNativeQuery("insert into feedback (id, committee, proposal_id, handling_round, user_id, reply_rating, contact_rating, comment, given_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, Ids.newId()).setParameter(2, committee.code()).setParameter(3, p.id).setParameter(4, p.handlingRound)
                .setParameter(5, caller.userId()).setParameter(6, f.replyRating()).setParameter(7, f.contactRating()).setParameter(8, f.comment())
                .setParameter(9, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).executeUpdate();
        boolean reopen = "UNSATISFIED".equals(f.replyRating()) && p.handlingRound == 1;
        List<Assignment> previous = em.createQuery("select a from Assignment a where a.proposalId = :p and a.handlingRound = :r", Assignment.class)
                .setParameter("p", p.id).setParameter("r", p.handlingRound).getResultList();
        previous.forEach(a -> a.status = Assignment.CLOSED);
        transitions.record(p, Action.FEEDBACK, reopen ? ProposalStatus.HANDLING : ProposalStatus.COMPLETED,
                f.replyRating() + "/" + f.contactRating());
        publish(EventTypes.PROPOSAL_FEEDBACK_GIVEN, p, new ProposalEvents.FeedbackGiven(p.id.toString(), p.title, p.handlingRound,
                f.replyRating(), f.contactRating(), reopen));
        if (reopen) {
            p.handlingRound = 2;
            LocalDate deadline = LocalDate.ofInstant(clock.instant(), CHINA).plusDays(settings.current().deadlineDays());
            List<ProposalEvents.Assigned.Unit> units = new ArrayList<>();
            for (Assignment a : previous) {
                units.add(createAssignment(p, a.unitId, a.role, deadline));
            }
            publish(EventTypes.PROPOSAL_ASSIGNED, p, new ProposalEvents.Assigned(p.id.toString(), p.title, p.handlingRound, units));
        }
        return done(p);
    }

    /** A co-signer's rating of the latest reply: recorded beside the proposer's; only the proposer's decides what happens next. */
    private ProposalView cosignerFeedback(Proposal p, Feedback f) {
        transitions.check(p, Action.COSIGNER_FEEDBACK, access.party(p));
        int round = p.status == ProposalStatus.HANDLING ? p.handlingRound - 1 : p.handlingRound;
        if (round < 1) {
            throw Problems.conflict("there is no reply to rate yet");
        }
        int n = em.createNativeQuery("insert into feedback (id, committee, proposal_id, handling_round, user_id, reply_rating, contact_rating, comment, given_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (proposal_id, handling_round, user_id) do nothing")
                .setParameter(1, Ids.newId()).setParameter(2, committee.code()).setParameter(3, p.id).setParameter(4, round)
                .setParameter(5, caller.userId()).setParameter(6, f.replyRating()).setParameter(7, f.contactRating()).setParameter(8, f.comment())
                .setParameter(9, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).executeUpdate();
        if (n == 0) {
            throw Problems.conflict("you have already rated the reply of round " + round);
        }
        transitions.record(p, Action.COSIGNER_FEEDBACK, p.status, f.replyRating() + "/" + f.contactRating());
        return done(p);
    }

    /** 联名: an invited member accepts or declines, before the signing deadline. */
    public ProposalView cosign(UUID id, Cosign c) {
        Proposal p = begin(id, Action.COSIGN, null);
        if (p.signingDeadline != null && clock.instant().isAfter(p.signingDeadline)) {
            throw Problems.conflict("the signing deadline has passed");
        }
        cosigners.answer(p.id, caller.userId(), c.accept());
        transitions.record(p, Action.COSIGN, p.status, c.accept() ? "ACCEPTED" : "DECLINED");
        publish(EventTypes.PROPOSAL_COSIGN_ANSWERED, p, new ProposalEvents.CosignAnswered(p.id.toString(), p.title, p.authorUserId,
                caller.displayName(), c.accept()));
        return done(p);
    }

    /** 并案: merges a submitted proposal into a similar one; its author and co-signers become co-proposers there. */
    public ProposalView merge(UUID id, Merge m, Long version) {
        Proposal p = begin(id, Action.MERGE, version);
        if (m.into().equals(p.id)) {
            throw Problems.badRequest("a proposal cannot be merged into itself");
        }
        Proposal into = access.visible(m.into());
        if (into.status != ProposalStatus.SUBMITTED && into.status != ProposalStatus.REGISTERED) {
            throw Problems.conflict("only a submitted or registered proposal can take in another (it is " + into.status + ")");
        }
        cosigners.addAccepted(into.id, p.authorUserId, cosigners.usernameOf(p.authorUserId).orElse(p.authorUserId), p.authorName);
        for (Cosigners.CosignerView c : cosigners.of(p.id)) {
            if (Cosigners.ACCEPTED.equals(c.status())) {
                cosigners.addAccepted(into.id, c.userId(), c.username(), c.name());
            }
        }
        p.mergedInto = into.id;
        transitions.record(p, Action.MERGE, ProposalStatus.MERGED, into.title);
        publish(EventTypes.PROPOSAL_MERGED, p, new ProposalEvents.Merged(p.id.toString(), p.title, p.authorUserId, into.id.toString(), into.title));
        return done(p);
    }

    /** A unit asks, within the committee's window after assignment, to give back a proposal that is not its business. */
    public ProposalView requestReturn(UUID id, Reason r) {
        Proposal p = begin(id, Action.REQUEST_RETURN, null);
        Assignment mine = access.myAssignments(p.id, p.handlingRound).get(0);
        if (!Assignment.OPEN.equals(mine.status)) {
            throw Problems.conflict("this assignment is " + mine.status);
        }
        int window = settings.current().returnWindowDays();
        if (clock.instant().isAfter(mine.assignedAt.plus(java.time.Duration.ofDays(window)))) {
            throw Problems.conflict("a return can be asked for within " + window + " days of the assignment");
        }
        mine.status = Assignment.RETURN_REQUESTED;
        mine.returnReason = r.reason().strip();
        String unitName = access.unitName(mine.unitId).orElse("");
        transitions.record(p, Action.REQUEST_RETURN, p.status, unitName + ": " + mine.returnReason);
        publish(EventTypes.PROPOSAL_RETURN_REQUESTED, p, new ProposalEvents.ReturnRequested(p.id.toString(), p.title, mine.unitId.toString(),
                unitName, mine.returnReason));
        return done(p);
    }

    /** The office moves an assignment (usually one a unit asked to return) to another unit, same role and deadline. */
    public ProposalView reassign(UUID id, Reassign r, Long version) {
        Proposal p = begin(id, Action.REASSIGN, version);
        Assignment from = em.createQuery("select a from Assignment a where a.proposalId = :p and a.handlingRound = :r and a.unitId = :u "
                        + "and a.status in ('OPEN', 'RETURN_REQUESTED')", Assignment.class)
                .setParameter("p", p.id).setParameter("r", p.handlingRound).setParameter("u", r.fromUnit()).getResultStream().findFirst()
                .orElseThrow(() -> Problems.conflict("unit " + r.fromUnit() + " holds no open assignment of this proposal"));
        from.status = Assignment.CLOSED;
        ProposalEvents.Assigned.Unit to = createAssignment(p, r.toUnit(), from.role, from.deadline);
        transitions.record(p, Action.REASSIGN, p.status, access.unitName(r.fromUnit()).orElse("") + " → " + to.unitName());
        publish(EventTypes.PROPOSAL_REASSIGNED, p, new ProposalEvents.Reassigned(p.id.toString(), p.title, p.handlingRound, r.fromUnit().toString()));
        publish(EventTypes.PROPOSAL_ASSIGNED, p, new ProposalEvents.Assigned(p.id.toString(), p.title, p.handlingRound, List.of(to)));
        return done(p);
    }

    /** 归档 of a whole session: every proposal of it that has reached its end; returns how many. */
    public int archiveSession(SessionRef s) {
        List<Proposal> ended = em.createQuery("from Proposal p where p.term = :t and p.session = :s and p.status in :ended", Proposal.class)
                .setParameter("t", s.term()).setParameter("s", s.session())
                .setParameter("ended", List.of(ProposalStatus.COMPLETED, ProposalStatus.NOT_REGISTERED, ProposalStatus.WITHDRAWN, ProposalStatus.MERGED))
                .getResultList();
        for (Proposal p : ended) {
            transitions.check(p, Action.ARCHIVE, access.party(p));
            transitions.record(p, Action.ARCHIVE, ProposalStatus.ARCHIVED, s.term() + "/" + s.session());
            publish(EventTypes.PROPOSAL_ARCHIVED, p, new ProposalEvents.Archived(p.id.toString(), p.title));
        }
        em.flush();
        return ended.size();
    }

    /** 公开: after the office's secrecy review (保密审定), and only with the proposer's consent. */
    public ProposalView publishReply(UUID id, Long version) {
        Proposal p = begin(id, Action.PUBLISH, version);
        if (!p.publishConsent) {
            throw Problems.conflict("the proposer did not agree to publication");
        }
        if (p.published) {
            throw Problems.conflict("already published");
        }
        p.published = true;
        p.publishedAt = clock.instant();
        transitions.record(p, Action.PUBLISH, p.status, "保密审定通过");
        publish(EventTypes.PROPOSAL_PUBLISHED, p, new ProposalEvents.Published(p.id.toString(), p.title));
        return done(p);
    }

    /** 归档: read-only from now on. */
    public ProposalView archive(UUID id, Long version) {
        Proposal p = begin(id, Action.ARCHIVE, version);
        transitions.record(p, Action.ARCHIVE, ProposalStatus.ARCHIVED, null);
        publish(EventTypes.PROPOSAL_ARCHIVED, p, new ProposalEvents.Archived(p.id.toString(), p.title));
        return done(p);
    }
}
