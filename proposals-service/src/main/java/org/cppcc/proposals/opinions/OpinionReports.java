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
import org.cppcc.platform.roster.MemberRoster;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.proposals.opinions.OpinionReport.Status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

    /** 编辑: the office's version of the title and text (the member's original is kept). */
    public record Edit(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 20000) String body) {
    }

    /** 转交: the department a report is forwarded to for follow-up. */
    public record Forward(@NotBlank @Size(max = 200) String department) {
    }

    /** The department's answer (办理反馈). */
    public record Answer(@NotBlank @Size(max = 4000) String answer) {
    }

    public record ReportView(String id, String committee, String title, String body, String authorUserId, String authorName,
                             String authorSector, Status status, String adoptedBy, String declineReason, String instructedBy,
                             String instruction, Instant submittedAt, Instant decidedAt, String originalTitle, String originalBody,
                             String editedBy, Instant editedAt, String issueId, String forwardedTo, Instant forwardedAt,
                             String departmentAnswer, Instant answeredAt, long version) {
        static ReportView of(OpinionReport r) {
            return new ReportView(r.id.toString(), r.committee, r.title, r.body, r.authorUserId, r.authorName, r.authorSector, r.status,
                    r.adoptedBy, r.declineReason, r.instructedBy, r.instruction, r.submittedAt, r.decidedAt, r.originalTitle, r.originalBody,
                    r.editedBy, r.editedAt, r.issueId == null ? null : r.issueId.toString(), r.forwardedTo, r.forwardedAt, r.departmentAnswer,
                    r.answeredAt, r.version);
        }
    }

    /** A year's figures ("全年编报社情民意信息399篇，546条建议被采纳落实"), in all, per member and per sector. */
    public record Statistics(int year, long submitted, long included, long issues, long adopted, long instructed, long notAdopted,
                             long forwarded, long answered, List<Count> byMember, List<Count> bySector) {
    }

    public record Count(String name, long submitted, long adopted) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final Idempotency idempotency;
    private final CommitteeContext committee;
    private final Caller caller;
    private final Clock clock;
    private final MemberRoster roster;

    public OpinionReports(EntityManager em, Outbox outbox, Idempotency idempotency, CommitteeContext committee, Caller caller, Clock clock,
                          MemberRoster roster) {
        this.roster = roster;
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
        r.authorSector = roster.sector(committee.code(), authorUserId).orElse(null);
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

    /** 编辑: the office's edit; the member's original title and text are kept (once, from the first edit). */
    public ReportView edit(UUID id, Edit e, Long expectedVersion) {
        OpinionReport r = find(id, expectedVersion);
        if (r.status == Status.NOT_ADOPTED) {
            throw Problems.conflict("a report that was not adopted is not edited");
        }
        if (r.originalTitle == null) {
            r.originalTitle = r.title;
            r.originalBody = r.body;
        }
        r.title = e.title().strip();
        r.body = e.body();
        r.editedBy = caller.username();
        r.editedAt = clock.instant();
        return flushed(r);
    }

    /** 转交: forwarded to a department for follow-up (again: to another one). */
    public ReportView forward(UUID id, Forward f, Long expectedVersion) {
        OpinionReport r = find(id, expectedVersion);
        if (r.status == Status.NOT_ADOPTED) {
            throw Problems.conflict("a report that was not adopted is not forwarded");
        }
        r.forwardedTo = f.department().strip();
        r.forwardedAt = clock.instant();
        r.departmentAnswer = null;
        r.answeredAt = null;
        return flushed(r);
    }

    /** The department's answer to a forwarded report. */
    public ReportView answer(UUID id, Answer a, Long expectedVersion) {
        OpinionReport r = find(id, expectedVersion);
        if (r.forwardedTo == null) {
            throw Problems.conflict("the report was not forwarded to a department");
        }
        r.departmentAnswer = a.answer().strip();
        r.answeredAt = clock.instant();
        return flushed(r);
    }

    /** A calendar year's figures (default: this year, China's calendar). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Statistics statistics(Integer year) {
        java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
        int y = year != null ? year : java.time.LocalDate.now(clock.withZone(china)).getYear();
        if (y < 1949 || y > 2999) {
            throw Problems.badRequest("year must be between 1949 and 2999");
        }
        var from = java.time.LocalDate.of(y, 1, 1).atStartOfDay(china).toOffsetDateTime();
        var to = java.time.LocalDate.of(y + 1, 1, 1).atStartOfDay(china).toOffsetDateTime();
        String where = " from opinion_report where committee = ?1 and submitted_at >= ?2 and submitted_at < ?3";
        Object[] t = (Object[]) em.createNativeQuery("select count(*), count(issue_id), count(distinct issue_id), "
                        + "count(*) filter (where status in ('ADOPTED', 'INSTRUCTED')), count(*) filter (where status = 'INSTRUCTED'), "
                        + "count(*) filter (where status = 'NOT_ADOPTED'), count(forwarded_to), count(department_answer)" + where)
                .setParameter(1, committee.code()).setParameter(2, from).setParameter(3, to).getSingleResult();
        return new Statistics(y, n(t[0]), n(t[1]), n(t[2]), n(t[3]), n(t[4]), n(t[5]), n(t[6]), n(t[7]),
                counts("author_name", where, from, to), counts("coalesce(author_sector, '')", where, from, to));
    }

    private List<Count> counts(String by, String where, Object from, Object to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + by + ", count(*), count(*) filter (where status in ('ADOPTED', 'INSTRUCTED'))"
                        + where + " group by 1 order by 2 desc, 1").setParameter(1, committee.code()).setParameter(2, from).setParameter(3, to)
                .getResultList();
        return rows.stream().map(r -> new Count(((String) r[0]).isEmpty() ? null : (String) r[0], n(r[1]), n(r[2]))).toList();
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
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
