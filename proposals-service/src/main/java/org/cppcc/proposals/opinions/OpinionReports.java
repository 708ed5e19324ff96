package org.cppcc.proposals.opinions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.Topics;
import org.cppcc.platform.events.contracts.OpinionReportEvents;
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
import org.cppcc.proposals.opinions.OpinionReport.Status;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * 社情民意信息: members report, the proposal office adopts or declines, and records a leader's instruction on
 * an adopted report. Each step is announced (members-service scores submitted, adopted and instructed).
 */
@ApplicationScoped
@Transactional
public class OpinionReports {

    public record SubmitReport(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 20000) String body) {
    }

    public record Adopt(@NotBlank @Size(max = 200) String adoptedBy) {
    }

    public record Decline(@NotBlank @Size(max = 500) String reason) {
    }

    public record Instruct(@NotBlank @Size(max = 100) String instructedBy, @NotBlank @Size(max = 2000) String instruction) {
    }

    public record ReportView(String id, String committee, String title, String body, String authorUserId, String authorName,
                             Status status, String adoptedBy, String declineReason, String instructedBy, String instruction,
                             Instant submittedAt, Instant decidedAt, long version) {
        static ReportView of(OpinionReport r) {
            return new ReportView(r.id.toString(), r.committee, r.title, r.body, r.authorUserId, r.authorName, r.status, r.adoptedBy,
                    r.declineReason, r.instructedBy, r.instruction, r.submittedAt, r.decidedAt, r.version);
        }
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final Idempotency idempotency;
    private final CommitteeContext committee;
    private final Caller caller;
    private final Clock clock;

    public OpinionReports(EntityManager em, Outbox outbox, Idempotency idempotency, CommitteeContext committee, Caller caller, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.committee = committee;
        this.caller = caller;
        this.clock = clock;
    }

    public Created<ReportView> submit(SubmitReport s, String idempotencyKey) {
        return idempotency.once(idempotencyKey, "opinions.submit:" + committee.code() + ":" + caller.userId(), ReportView.class, () -> {
            OpinionReport r = create(s.title().strip(), s.body(), caller.userId(), caller.displayName());
            return new Created<>(r.id.toString(), ReportView.of(r));
        });
    }

    /** 不予立案 and turned into a 社情民意 report: the proposal's text, in its author's name, waiting for the office. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReportView fromProposal(String title, String body, String authorUserId, String authorName) {
        return ReportView.of(create(title, body, authorUserId, authorName));
    }

    private OpinionReport create(String title, String body, String authorUserId, String authorName) {
        OpinionReport r = new OpinionReport();
        r.id = Ids.newId();
        r.committee = committee.code();
        r.title = title;
        r.body = body;
        r.authorUserId = authorUserId;
        r.authorName = authorName;
        r.status = Status.SUBMITTED;
        r.submittedAt = clock.instant();
        em.persist(r);
        outbox.publish(Topics.PROPOSALS, EventTypes.OPINION_REPORT_SUBMITTED, committee.code(), r.id.toString(),
                new OpinionReportEvents.Submitted(r.id.toString(), r.title, r.authorUserId));
        return r;
    }

    public ReportView adopt(UUID id, Adopt a, Long expectedVersion) {
        OpinionReport r = decidable(id, expectedVersion);
        r.status = Status.ADOPTED;
        r.adoptedBy = a.adoptedBy().strip();
        r.decidedAt = clock.instant();
        outbox.publish(Topics.PROPOSALS, EventTypes.OPINION_REPORT_ADOPTED, committee.code(), r.id.toString(),
                new OpinionReportEvents.Adopted(r.id.toString(), r.title, r.authorUserId, r.adoptedBy));
        return flushed(r);
    }

    public ReportView decline(UUID id, Decline d, Long expectedVersion) {
        OpinionReport r = decidable(id, expectedVersion);
        r.status = Status.NOT_ADOPTED;
        r.declineReason = d.reason().strip();
        r.decidedAt = clock.instant();
        return flushed(r);
    }

    /** A leader's 批示 on an adopted report (one per report). */
    public ReportView instruct(UUID id, Instruct i, Long expectedVersion) {
        OpinionReport r = find(id, expectedVersion);
        if (r.status != Status.ADOPTED) {
            throw Problems.conflict("only an adopted report receives an instruction; this one is " + r.status.name().toLowerCase(Locale.ROOT));
        }
        r.status = Status.INSTRUCTED;
        r.instructedBy = i.instructedBy().strip();
        r.instruction = i.instruction().strip();
        outbox.publish(Topics.PROPOSALS, EventTypes.OPINION_REPORT_INSTRUCTED, committee.code(), r.id.toString(),
                new OpinionReportEvents.Instructed(r.id.toString(), r.title, r.authorUserId, r.instructedBy));
        return flushed(r);
    }

    /** Staff see the committee's reports; a member their own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ReportView> list(Status status, PageRequest page) {
        boolean staff = staff();
        var q = em.createQuery("from OpinionReport r where 1 = 1" + (staff ? "" : " and r.authorUserId = :me")
                + (status != null ? " and r.status = :status" : "") + (page.after() != null ? " and r.id < :after" : "")
                + " order by r.id desc", OpinionReport.class).setMaxResults(page.fetchSize());
        if (!staff) {
            q.setParameter("me", caller.userId());
        }
        if (status != null) {
            q.setParameter("status", status);
        }
        if (page.after() != null) {
            q.setParameter("after", page.after());
        }
        return Page.of(q.getResultList(), page, r -> r.id.toString(), ReportView::of);
    }

    /** The report, if the caller may see it (its author or staff); otherwise "not found". */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportView get(UUID id) {
        OpinionReport r = byId(id);
        if (!staff() && !r.authorUserId.equals(caller.userId())) {
            throw Problems.notFound("opinion report", id);
        }
        return ReportView.of(r);
    }

    private OpinionReport decidable(UUID id, Long expectedVersion) {
        OpinionReport r = find(id, expectedVersion);
        if (r.status != Status.SUBMITTED) {
            throw Problems.conflict("report " + id + " was already decided (" + r.status.name().toLowerCase(Locale.ROOT) + ")");
        }
        return r;
    }

    private OpinionReport find(UUID id, Long expectedVersion) {
        OpinionReport r = byId(id);
        if (expectedVersion != null && expectedVersion != r.version) {
            throw Problems.conflict("report " + id + " was changed by someone else (version " + r.version + "); reload and retry");
        }
        return r;
    }

    private OpinionReport byId(UUID id) {
        return em.createQuery("from OpinionReport r where r.id = :id", OpinionReport.class).setParameter("id", id)
                .getResultStream().findFirst().orElseThrow(() -> Problems.notFound("opinion report", id));
    }

    private ReportView flushed(OpinionReport r) {
        em.flush();
        return ReportView.of(r);
    }

    private boolean staff() {
        return committee.has(Roles.PROPOSAL_OFFICE) || committee.has(Roles.LEADER) || committee.has(Roles.COMMITTEE_ADMIN);
    }
}
