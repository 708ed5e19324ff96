package org.cppcc.proposals.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.proposals.clues.Clues;
import org.cppcc.proposals.review.ProposalSettings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 提案统计 of one committee and session: how many were filed and registered, by state, kind and sector; per
 * handling unit the figures of its evaluation (考评) — assignments as lead and co-handler, replies and those on
 * time (办复率), the A/B/C classes, the proposers' ratings (满意率), open and overdue items, second rounds; the
 * session's clues; the year's 社情民意 reports. Each figure is one aggregate over an index on the session, never a
 * walk over the proposals.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProposalStatistics {

    static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");
    private static final String FILED = "status not in ('DRAFT', 'WITHDRAWN')";
    private static final String REGISTERED = "status in ('REGISTERED', 'HANDLING', 'REPLIED', 'COMPLETED', 'ARCHIVED')";

    public record Overview(long filed, long registered, long notRegistered, long merged, long inReview, long keyProposals, long published,
                           long adoptedFromBelow, long writtenOnClues, BigDecimal registrationRate) {
    }

    public record SectorFigures(String sector, long filed, long registered) {
    }

    /** 主题: proposals filed and registered under a subject tag (a proposal with two tags counts under both). */
    public record SubjectFigures(String subject, long filed, long registered) {
    }

    /** 延期 requests of the session's assignments: asked, approved, refused, waiting; 督办 actions recorded. */
    public record SupervisionFigures(long extensionsRequested, long extensionsApproved, long extensionsRefused, long extensionsWaiting,
                                     long supervisionActions) {
    }

    /**
     * One unit's evaluation figures: first-round assignments as lead and co-handler; lead replies, on time (by the
     * deadline, in China's calendar) and their rates; open and overdue lead assignments; second-round (re-handled)
     * ones; reply classes; the proposers' ratings of its replies and the satisfaction rate (satisfied or basically).
     */
    public record UnitFigures(String unitId, String unitName, long lead, long co, long replied, long repliedOnTime, BigDecimal replyRate,
                              BigDecimal onTimeRate, long open, long overdue, long reHandled, long a, long b, long c, long satisfied,
                              long basicallySatisfied, long unsatisfied, BigDecimal satisfactionRate, long extended) {
    }

    public record OpinionFigures(int year, long submitted, long adopted, long instructed, long notAdopted) {
    }

    public record ClueFigures(long posted, long taken, long takers, long proposals, long registered) {
    }

    public record Statistics(String committee, int term, int session, Overview proposals, Map<String, Long> byStatus,
                             Map<String, Long> byKind, List<SectorFigures> bySector, List<SubjectFigures> bySubject,
                             List<UnitFigures> units, SupervisionFigures supervision, ClueFigures clues, OpinionFigures opinionReports) {
    }

    private final EntityManager em;
    private final CommitteeContext committee;
    private final ProposalSettings settings;
    private final Clues clues;
    private final Clock clock;

    public ProposalStatistics(EntityManager em, CommitteeContext committee, ProposalSettings settings, Clues clues, Clock clock) {
        this.em = em;
        this.committee = committee;
        this.settings = settings;
        this.clues = clues;
        this.clock = clock;
    }

    /** A session's figures (default: the current one); 社情民意 of a calendar year (default: this year). */
    public Statistics of(Integer term, Integer session, Integer year) {
        ProposalSettings.Settings s = settings.current();
        int t = term != null ? term : s.term();
        int n = session != null ? session : s.session();
        LocalDate today = LocalDate.now(clock.withZone(CALENDAR));
        int y = year != null ? year : today.getYear();
        if (y < 1949 || y > 2999) {
            throw org.cppcc.platform.problem.Problems.badRequest("year must be between 1949 and 2999");
        }
        String code = committee.code();
        Object[] o = single("select count(*) filter (where " + FILED + "), count(*) filter (where " + REGISTERED + "), "
                + "count(*) filter (where status = 'NOT_REGISTERED'), count(*) filter (where status = 'MERGED'), "
                + "count(*) filter (where status in ('SUBMITTED', 'RETURNED')), count(*) filter (where key_proposal and " + REGISTERED + "), "
                + "count(*) filter (where published), count(*) filter (where cultivated_from is not null and " + FILED + "), "
                + "count(*) filter (where clue_id is not null and " + FILED + ") "
                + "from proposal where committee = ?1 and term = ?2 and session = ?3", code, t, n);
        Overview overview = new Overview(num(o[0]), num(o[1]), num(o[2]), num(o[3]), num(o[4]), num(o[5]), num(o[6]), num(o[7]), num(o[8]),
                rate(num(o[1]), num(o[0])));
        Map<String, Long> byStatus = counts("select status, count(*) from proposal where committee = ?1 and term = ?2 and session = ?3 "
                + "and status <> 'DRAFT' group by status order by status", code, t, n);
        Map<String, Long> byKind = counts("select kind, count(*) from proposal where committee = ?1 and term = ?2 and session = ?3 and "
                + FILED + " group by kind order by kind", code, t, n);
        List<SectorFigures> bySector = new ArrayList<>();
        for (Object[] r : rows("select coalesce(author_sector, ''), count(*), count(*) filter (where " + REGISTERED + ") from proposal "
                + "where committee = ?1 and term = ?2 and session = ?3 and " + FILED + " group by 1 order by 2 desc, 1", code, t, n)) {
            bySector.add(new SectorFigures(((String) r[0]).isEmpty() ? null : (String) r[0], num(r[1]), num(r[2])));
        }
        List<SubjectFigures> bySubject = new ArrayList<>();
        for (Object[] r : rows("select tag, count(*), count(*) filter (where " + REGISTERED + ") from proposal, unnest(tags) tag "
                + "where committee = ?1 and term = ?2 and session = ?3 and " + FILED + " group by 1 order by 2 desc, 1", code, t, n)) {
            bySubject.add(new SubjectFigures((String) r[0], num(r[1]), num(r[2])));
        }
        Object[] x = single("select count(*), count(*) filter (where e.status = 'APPROVED'), count(*) filter (where e.status = 'REFUSED'), "
                + "count(*) filter (where e.status = 'REQUESTED'), (select count(*) from supervision_action s join proposal q on q.id = s.proposal_id "
                + "  where s.committee = ?1 and q.term = ?2 and q.session = ?3) from extension_request e join proposal p on p.id = e.proposal_id "
                + "where e.committee = ?1 and p.term = ?2 and p.session = ?3", code, t, n);
        Clues.Statistics k = clues.statistics(t, n);
        Object[] op = single("select count(*), count(*) filter (where status in ('ADOPTED', 'INSTRUCTED')), "
                + "count(*) filter (where status = 'INSTRUCTED'), count(*) filter (where status = 'NOT_ADOPTED') from opinion_report "
                + "where committee = ?1 and submitted_at >= ?2 and submitted_at < ?3", code,
                LocalDate.of(y, 1, 1).atStartOfDay(CALENDAR).toOffsetDateTime(), LocalDate.of(y + 1, 1, 1).atStartOfDay(CALENDAR).toOffsetDateTime());
        return new Statistics(code, t, n, overview, byStatus, byKind, bySector, bySubject, units(code, t, n, today),
                new SupervisionFigures(num(x[0]), num(x[1]), num(x[2]), num(x[3]), num(x[4])),
                new ClueFigures(k.posted(), k.taken(), k.takers(), k.proposals(), k.registered()),
                new OpinionFigures(y, num(op[0]), num(op[1]), num(op[2]), num(op[3])));
    }

    private List<UnitFigures> units(String code, int t, int n, LocalDate today) {
        String lead1 = "a.role = 'LEAD' and a.handling_round = 1";
        String open = "a.role = 'LEAD' and a.status in ('OPEN', 'RETURN_REQUESTED')";
        List<UnitFigures> out = new ArrayList<>();
        for (Object[] r : rows("select u.id, u.name, count(*) filter (where " + lead1 + "), "
                + "count(*) filter (where a.role = 'CO' and a.handling_round = 1), count(r.id) filter (where " + lead1 + "), "
                + "count(r.id) filter (where " + lead1 + " and (r.replied_at at time zone 'Asia/Shanghai')::date <= a.deadline), "
                + "count(*) filter (where " + open + "), count(*) filter (where " + open + " and a.deadline < ?4), "
                + "count(*) filter (where a.role = 'LEAD' and a.handling_round >= 2), "
                + "count(r.id) filter (where r.classification = 'A'), count(r.id) filter (where r.classification = 'B'), "
                + "count(r.id) filter (where r.classification = 'C'), count(f.id) filter (where f.reply_rating = 'SATISFIED'), "
                + "count(f.id) filter (where f.reply_rating = 'BASICALLY_SATISFIED'), count(f.id) filter (where f.reply_rating = 'UNSATISFIED'), "
                + "count(*) filter (where a.extended) "
                + "from assignment a join proposal p on p.id = a.proposal_id join handling_unit u on u.id = a.unit_id "
                + "left join reply r on r.assignment_id = a.id "
                // the proposer's rating of the round the unit led (co-signers rate too; the proposer's is the one counted)
                + "left join feedback f on a.role = 'LEAD' and f.proposal_id = a.proposal_id and f.handling_round = a.handling_round "
                + "and f.user_id = p.author_user_id "
                + "where a.committee = ?1 and p.term = ?2 and p.session = ?3 group by u.id, u.name order by u.name", code, t, n, today)) {
            long lead = num(r[2]);
            long rated = num(r[12]) + num(r[13]) + num(r[14]);
            out.add(new UnitFigures(r[0].toString(), (String) r[1], lead, num(r[3]), num(r[4]), num(r[5]), rate(num(r[4]), lead),
                    rate(num(r[5]), lead), num(r[6]), num(r[7]), num(r[8]), num(r[9]), num(r[10]), num(r[11]), num(r[12]), num(r[13]),
                    num(r[14]), rate(num(r[12]) + num(r[13]), rated), num(r[15])));
        }
        return out;
    }

    /** A share with four decimals (0.6667), or null when there is nothing to share. */
    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private Map<String, Long> counts(String sql, Object... params) {
        Map<String, Long> out = new LinkedHashMap<>();
        rows(sql, params).forEach(r -> out.put((String) r[0], num(r[1])));
        return out;
    }

    private Object[] single(String sql, Object... params) {
        return rows(sql, params).get(0);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.getResultList();
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }
}
