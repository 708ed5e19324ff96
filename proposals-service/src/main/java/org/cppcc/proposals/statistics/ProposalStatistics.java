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
 * session's clues; the year's 社情民意 reports. The proposals' figures come from their figure groups (kept by a trigger,
 * ADR 0016), the units' from one scan of the session's assignments (ADR 0014), never a walk over the proposals.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProposalStatistics {

    static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");
    private static final java.util.Set<String> REGISTERED_STATES = java.util.Set.of("REGISTERED", "HANDLING", "REPLIED", "COMPLETED", "ARCHIVED");

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
        // the session's figure groups, kept by the proposals' trigger as deltas and folded now and then (V15, ADR 0016):
        // a few hundred rows, never the proposals themselves; every figure is summed from the groups
        long filed = 0, registered = 0, notRegistered = 0, merged = 0, inReview = 0, key = 0, published = 0, fromBelow = 0, onClues = 0;
        Map<String, Long> byStatus = new java.util.TreeMap<>();
        Map<String, Long> byKind = new java.util.TreeMap<>();
        Map<String, long[]> sectors = new java.util.HashMap<>();
        Map<String, long[]> subjects = new java.util.HashMap<>();
        for (Object[] r : rows("select status, kind, sector, key_proposal, published, from_below, on_clue, tags, sum(n) "
                + "from proposal_figure where committee = ?1 and term = ?2 and session = ?3 group by 1, 2, 3, 4, 5, 6, 7, 8 having sum(n) <> 0",
                code, t, n)) {
            String status = (String) r[0];
            long c = num(r[8]);
            boolean isFiled = !"WITHDRAWN".equals(status);
            boolean isRegistered = REGISTERED_STATES.contains(status);
            byStatus.merge(status, c, Long::sum);
            if (!isFiled) {
                continue;
            }
            filed += c;
            registered += isRegistered ? c : 0;
            notRegistered += "NOT_REGISTERED".equals(status) ? c : 0;
            merged += "MERGED".equals(status) ? c : 0;
            inReview += "SUBMITTED".equals(status) || "RETURNED".equals(status) ? c : 0;
            key += Boolean.TRUE.equals(r[3]) && isRegistered ? c : 0;
            published += Boolean.TRUE.equals(r[4]) ? c : 0;
            fromBelow += Boolean.TRUE.equals(r[5]) ? c : 0;
            onClues += Boolean.TRUE.equals(r[6]) ? c : 0;
            byKind.merge((String) r[1], c, Long::sum);
            long[] sector = sectors.computeIfAbsent((String) r[2], k -> new long[2]);
            sector[0] += c;
            sector[1] += isRegistered ? c : 0;
            for (String tag : tags(r[7])) {
                long[] subject = subjects.computeIfAbsent(tag, k -> new long[2]);
                subject[0] += c;
                subject[1] += isRegistered ? c : 0;
            }
        }
        Overview overview = new Overview(filed, registered, notRegistered, merged, inReview, key, published, fromBelow, onClues,
                rate(registered, filed));
        List<SectorFigures> bySector = sectors.entrySet().stream()
                .sorted(Map.Entry.<String, long[]>comparingByValue((a, b) -> Long.compare(b[0], a[0])).thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new SectorFigures(e.getKey().isEmpty() ? null : e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        List<SubjectFigures> bySubject = subjects.entrySet().stream()
                .sorted(Map.Entry.<String, long[]>comparingByValue((a, b) -> Long.compare(b[0], a[0])).thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new SubjectFigures(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
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

    /** Per unit, from the session's assignments alone (each carries its reply's time and class and the proposer's rating: V13). */
    private List<UnitFigures> units(String code, int t, int n, LocalDate today) {
        String lead1 = "a.role = 'LEAD' and a.handling_round = 1";
        String open = "a.role = 'LEAD' and a.status in ('OPEN', 'RETURN_REQUESTED')";
        List<UnitFigures> out = new ArrayList<>();
        for (Object[] r : rows("select u.id, u.name, f.* from (select a.unit_id, count(*) filter (where " + lead1 + ") lead, "
                + "count(*) filter (where a.role = 'CO' and a.handling_round = 1) co, "
                + "count(*) filter (where " + lead1 + " and a.replied_at is not null) replied, "
                + "count(*) filter (where " + lead1 + " and (a.replied_at at time zone 'Asia/Shanghai')::date <= a.deadline) on_time, "
                + "count(*) filter (where " + open + ") open, count(*) filter (where " + open + " and a.deadline < ?4) overdue, "
                + "count(*) filter (where a.role = 'LEAD' and a.handling_round >= 2) re_handled, "
                + "count(*) filter (where a.classification = 'A') a, count(*) filter (where a.classification = 'B') b, "
                + "count(*) filter (where a.classification = 'C') c, count(*) filter (where a.reply_rating = 'SATISFIED') satisfied, "
                + "count(*) filter (where a.reply_rating = 'BASICALLY_SATISFIED') basically, "
                + "count(*) filter (where a.reply_rating = 'UNSATISFIED') unsatisfied, count(*) filter (where a.extended) extended "
                + "from assignment a where a.committee = ?1 and a.term = ?2 and a.session = ?3 group by a.unit_id) f "
                + "join handling_unit u on u.id = f.unit_id order by u.name", code, t, n, today)) {
            long lead = num(r[3]);
            long rated = num(r[13]) + num(r[14]) + num(r[15]);
            out.add(new UnitFigures(r[0].toString(), (String) r[1], lead, num(r[4]), num(r[5]), num(r[6]), rate(num(r[5]), lead),
                    rate(num(r[6]), lead), num(r[7]), num(r[8]), num(r[9]), num(r[10]), num(r[11]), num(r[12]), num(r[13]), num(r[14]),
                    num(r[15]), rate(num(r[13]) + num(r[14]), rated), num(r[16])));
        }
        return out;
    }

    private static List<String> tags(Object column) {
        if (column == null) {
            return List.of();
        }
        if (column instanceof Object[] a) {
            return java.util.Arrays.stream(a).map(String::valueOf).toList();
        }
        if (column instanceof java.sql.Array a) {
            try {
                return java.util.Arrays.stream((Object[]) a.getArray()).map(String::valueOf).toList();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("tags read as " + column.getClass());
    }

    /** A share with four decimals (0.6667), or null when there is nothing to share. */
    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
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
