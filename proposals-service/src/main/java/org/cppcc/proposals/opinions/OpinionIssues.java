package org.cppcc.proposals.opinions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.Topics;
import org.cppcc.platform.events.contracts.OpinionReportEvents;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.outbox.Outbox;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.time.SqlTime;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * 信息专报: the office compiles reports into a numbered issue of the year (《社情民意》2026年第12期) sent to named
 * leaders. A report goes into one issue, while it waits for a decision or after it was adopted; each author hears
 * of it, and members-service counts it (履职).
 */
@ApplicationScoped
@Transactional
public class OpinionIssues {

    public record Compile(@Size(max = 100) String title, @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> recipients,
                          @NotEmpty @Size(max = 100) List<@NotNull UUID> reportIds) {
    }

    public record Issue(String id, int year, int number, String name, List<String> recipients, String compiledBy, Instant compiledAt,
                        List<OpinionReports.ReportView> reports) {
    }

    private static final String DEFAULT_TITLE = "社情民意";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final EntityManager em;
    private final Outbox outbox;
    private final CommitteeContext committee;
    private final Caller caller;
    private final Clock clock;

    public OpinionIssues(EntityManager em, Outbox outbox, CommitteeContext committee, Caller caller, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.committee = committee;
        this.caller = caller;
        this.clock = clock;
    }

    public Issue compile(Compile c) {
        List<UUID> ids = new ArrayList<>(new LinkedHashSet<>(c.reportIds()));
        List<OpinionReport> reports = em.createQuery("from OpinionReport r where r.id in :ids", OpinionReport.class).setParameter("ids", ids)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (reports.size() != ids.size()) {
            throw Problems.badRequest("every report must be a report of this committee");
        }
        for (OpinionReport r : reports) {
            if (r.issueId != null) {
                throw Problems.conflict("report " + r.id + " is already in an issue");
            }
            if (r.status == OpinionReport.Status.NOT_ADOPTED) {
                throw Problems.conflict("report " + r.id + " was not adopted: it is not compiled");
            }
        }
        Instant now = clock.instant();
        int year = LocalDate.ofInstant(now, CHINA).getYear();
        String title = c.title() == null || c.title().isBlank() ? DEFAULT_TITLE : c.title().strip();
        // numbers of a year follow each other without gaps: one compilation of the committee at a time
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('opinion-issue:' || ?1))").setParameter(1, committee.code()).getSingleResult();
        int number = ((Number) em.createNativeQuery("select coalesce(max(number), 0) + 1 from opinion_issue where committee = ?1 and year = ?2")
                .setParameter(1, committee.code()).setParameter(2, year).getSingleResult()).intValue();
        UUID id = Ids.newId();
        em.createNativeQuery("insert into opinion_issue (id, committee, year, number, title, recipients, compiled_by, compiled_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)").setParameter(1, id).setParameter(2, committee.code()).setParameter(3, year)
                .setParameter(4, number).setParameter(5, title).setParameter(6, String.join("、", c.recipients().stream().map(String::strip).toList()))
                .setParameter(7, caller.username()).setParameter(8, SqlTime.param(now)).executeUpdate();
        String name = name(title, year, number);
        for (OpinionReport r : reports) {
            r.issueId = id;
            outbox.publish(Topics.PROPOSALS, EventTypes.OPINION_REPORT_INCLUDED, committee.code(), r.id.toString(),
                    new OpinionReportEvents.Included(r.id.toString(), r.title, r.authorUserId, name));
        }
        em.flush();
        return get(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Issue> list(Integer year) {
        int y = year != null ? year : LocalDate.ofInstant(clock.instant(), CHINA).getYear();
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select id from opinion_issue where committee = ?1 and year = ?2 order by number desc")
                .setParameter(1, committee.code()).setParameter(2, y).getResultList();
        return ids.stream().map(i -> get((UUID) i)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Issue get(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, year, number, title, recipients, compiled_by, compiled_at from opinion_issue "
                + "where id = ?1").setParameter(1, id).getResultList();
        Object[] r = rows.stream().findFirst().orElseThrow(() -> Problems.notFound("issue", id));
        List<OpinionReports.ReportView> reports = em.createQuery("from OpinionReport r where r.issueId = :id order by r.submittedAt",
                OpinionReport.class).setParameter("id", id).getResultList().stream().map(OpinionReports.ReportView::of).toList();
        int year = ((Number) r[1]).intValue();
        int number = ((Number) r[2]).intValue();
        return new Issue(r[0].toString(), year, number, name((String) r[3], year, number), List.of(((String) r[4]).split("、")),
                (String) r[5], SqlTime.instant(r[6]), reports);
    }

    /** 《社情民意》2026年第12期 */
    static String name(String title, int year, int number) {
        return "《" + title + "》" + year + "年第" + number + "期";
    }
}
