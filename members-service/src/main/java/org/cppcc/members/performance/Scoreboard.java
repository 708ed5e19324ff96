package org.cppcc.members.performance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cppcc.members.roster.Member;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.time.ClockProducer;
import org.cppcc.platform.time.SqlTime;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores, rankings, homework, inactivity and attendance of one committee's members, computed from the
 * entries under the committee's current rules (so a change of rules shows at once, for every year).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Scoreboard {

    public record MemberScore(String memberId, String userId, String name, String sector, boolean standingCommittee, int year,
                              Score score) {
    }

    public record Ranked(int rank, String memberId, String name, String sector, BigDecimal total, Score.Grade grade,
                         boolean homeworkDone) {
    }

    public record Inactive(String memberId, String userId, String name, String sector, Instant lastActivityAt, long daysWithoutActivity) {
    }

    public record Attendance(String memberId, String name, String sector, long attended, long absentWithLeave,
                             long absentWithoutLeave, BigDecimal attendanceRate) {
    }

    public record AttendanceReport(String committee, int year, int half, LocalDate from, LocalDate to, List<Attendance> members) {
    }

    public record EntryView(String id, String committee, PerformanceKind kind, String label, BigDecimal points, String title,
                            String evidenceType, String evidenceId, Instant occurredAt) {
    }

    private final EntityManager em;
    private final CommitteeContext committee;
    private final ScoringRulesStore rules;
    private final Clock clock;

    public Scoreboard(EntityManager em, CommitteeContext committee, ScoringRulesStore rules, Clock clock) {
        this.em = em;
        this.committee = committee;
        this.rules = rules;
        this.clock = clock;
    }

    public int currentYear() {
        return LocalDate.now(clock.withZone(ClockProducer.CHINA)).getYear();
    }

    public MemberScore score(Member m, int year) {
        ScoringRules r = rules.rules(committee.code());
        Map<PerformanceKind, Long> counts = m.userId == null ? Map.of()
                : counts(year(year), year(year + 1)).getOrDefault(m.userId, Map.of());
        return new MemberScore(m.id.toString(), m.userId, m.name, m.sector, m.standingCommittee, year, Score.of(r, counts));
    }

    /** Active members by score, highest first; equal scores share a rank. ?sector narrows it to one 界别. */
    public List<Ranked> rankings(int year, String sector) {
        ScoringRules r = rules.rules(committee.code());
        Map<String, Map<PerformanceKind, Long>> counts = counts(year(year), year(year + 1));
        List<Ranked> scored = new ArrayList<>();
        for (Member m : activeMembers()) {
            if (sector != null && !sector.equals(m.sector)) {
                continue;
            }
            Score s = Score.of(r, m.userId == null ? Map.of() : counts.getOrDefault(m.userId, Map.of()));
            scored.add(new Ranked(0, m.id.toString(), m.name, m.sector, s.total(), s.grade(), s.homeworkDone()));
        }
        scored.sort(Comparator.comparing(Ranked::total).reversed().thenComparing(Ranked::name));
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Ranked x = scored.get(i);
            int rank = i > 0 && x.total().compareTo(scored.get(i - 1).total()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Ranked(rank, x.memberId(), x.name(), x.sector(), x.total(), x.grade(), x.homeworkDone()));
        }
        return ranked;
    }

    /** Active members with nothing recorded for the committee's inactivity period (newcomers get that period first). */
    public List<Inactive> inactive() {
        int days = rules.rules(committee.code()).inactiveDays();
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofDays(days));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select user_id, max(occurred_at) from performance_entry where committee = ?1 group by user_id")
                .setParameter(1, committee.code()).getResultList();
        Map<String, Instant> last = new HashMap<>();
        rows.forEach(r -> last.put((String) r[0], SqlTime.instant(r[1])));
        List<Inactive> out = new ArrayList<>();
        for (Member m : activeMembers()) {
            Instant latest = m.userId == null ? null : last.get(m.userId);
            Instant since = latest != null ? latest : m.joinedAt;
            if (since.isBefore(cutoff)) {
                out.add(new Inactive(m.id.toString(), m.userId, m.name, m.sector, latest, Duration.between(since, now).toDays()));
            }
        }
        out.sort(Comparator.comparing(Inactive::daysWithoutActivity).reversed());
        return out;
    }

    /** 双通报: the standing committee members' attendance in one half of a year (1: Jan–Jun, 2: Jul–Dec). */
    public AttendanceReport attendance(int year, int half) {
        if (half != 1 && half != 2) {
            throw Problems.badRequest("half is 1 (January to June) or 2 (July to December)");
        }
        LocalDate from = LocalDate.of(year, half == 1 ? 1 : 7, 1);
        LocalDate to = from.plusMonths(6);
        Map<String, Map<PerformanceKind, Long>> counts = counts(start(from), start(to));
        List<Attendance> members = new ArrayList<>();
        for (Member m : activeMembers()) {
            if (!m.standingCommittee) {
                continue;
            }
            Map<PerformanceKind, Long> c = m.userId == null ? Map.of() : counts.getOrDefault(m.userId, Map.of());
            long attended = c.getOrDefault(PerformanceKind.MEETING_ATTENDED, 0L);
            long leave = c.getOrDefault(PerformanceKind.MEETING_ABSENT_WITH_LEAVE, 0L);
            long absent = c.getOrDefault(PerformanceKind.MEETING_ABSENT_WITHOUT_LEAVE, 0L);
            long all = attended + leave + absent;
            BigDecimal rate = all == 0 ? null : BigDecimal.valueOf(attended * 100).divide(BigDecimal.valueOf(all), 1, java.math.RoundingMode.HALF_UP);
            members.add(new Attendance(m.id.toString(), m.name, m.sector, attended, leave, absent, rate));
        }
        members.sort(Comparator.comparing(Attendance::name));
        return new AttendanceReport(committee.code(), year, half, from, to.minusDays(1), members);
    }

    /** A member's entries in this committee for a year, newest first. */
    public Page<EntryView> entries(Member m, int year, PageRequest page) {
        if (m.userId == null) {
            return new Page<>(List.of(), null);
        }
        var q = em.createQuery("from PerformanceEntry e where e.userId = :u and e.committee = :c and e.occurredAt >= :from and e.occurredAt < :to"
                        + (page.after() != null ? " and e.id < :after" : "") + " order by e.id desc", PerformanceEntry.class)
                .setParameter("u", m.userId).setParameter("c", committee.code()).setParameter("from", year(year))
                .setParameter("to", year(year + 1)).setMaxResults(page.fetchSize());
        if (page.after() != null) {
            q.setParameter("after", page.after());
        }
        ScoringRules r = rules.rules(committee.code());
        return Page.of(q.getResultList(), page, e -> e.id.toString(), e -> view(e, r));
    }

    public static EntryView view(PerformanceEntry e, ScoringRules r) {
        return new EntryView(e.id.toString(), e.committee, e.kind, e.kind.label(), Score.pointsOf(r, e.kind), e.title, e.evidenceType,
                e.evidenceId, e.occurredAt);
    }

    private List<Member> activeMembers() {
        return em.createQuery("from Member m where m.status = :s", Member.class).setParameter("s", Member.ACTIVE).getResultList();
    }

    /** Entries per person and kind in [from, to) of this committee. */
    private Map<String, Map<PerformanceKind, Long>> counts(Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select user_id, kind, count(*) from performance_entry where committee = ?1 "
                        + "and occurred_at >= ?2 and occurred_at < ?3 group by user_id, kind")
                .setParameter(1, committee.code()).setParameter(2, SqlTime.param(from)).setParameter(3, SqlTime.param(to)).getResultList();
        Map<String, Map<PerformanceKind, Long>> counts = new HashMap<>();
        for (Object[] r : rows) {
            counts.computeIfAbsent((String) r[0], k -> new EnumMap<>(PerformanceKind.class))
                    .put(PerformanceKind.valueOf((String) r[1]), ((Number) r[2]).longValue());
        }
        return counts;
    }

    private static Instant year(int year) {
        return start(LocalDate.of(year, 1, 1));
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ClockProducer.CHINA).toInstant();
    }
}
