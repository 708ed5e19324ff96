package org.cppcc.proposals.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.cppcc.platform.tenancy.CommitteeContext;

import java.util.List;

/** A committee's proposal-office settings: the current session (届, 次会议), the handling deadline and the return window. */
@ApplicationScoped
public class ProposalSettings {

    public record Settings(@NotNull @Min(1) @Max(99) Integer term, @NotNull @Min(1) @Max(9) Integer session,
                           @NotNull @Min(1) @Max(365) Integer deadlineDays, @NotNull @Min(0) @Max(60) Integer returnWindowDays,
                           /** 逾期督办: when an overdue item goes up; left out: the defaults */
                           @jakarta.validation.Valid Escalation escalation) {

        public Settings(Integer term, Integer session, Integer deadlineDays, Integer returnWindowDays) {
            this(term, session, deadlineDays, returnWindowDays, Escalation.DEFAULTS);
        }

        /** 二届二次会议 */
        public String sessionName() {
            return Chinese.number(term) + "届" + Chinese.number(session) + "次会议";
        }
    }

    /**
     * Days after the deadline an open item is sent to the unit again, to the proposal office, and to the key proposal's
     * supervising leader; each later than the one before.
     */
    public record Escalation(@NotNull @Min(0) @Max(60) Integer unitAfterDays, @NotNull @Min(0) @Max(90) Integer officeAfterDays,
                             @NotNull @Min(0) @Max(180) Integer leaderAfterDays) {
        public static final Escalation DEFAULTS = new Escalation(1, 3, 10);
    }

    /** Until the office says otherwise: 一届一次会议, three months to answer, a week to ask to return an assignment. */
    public static final Settings DEFAULTS = new Settings(1, 1, 90, 7);

    private final EntityManager em;
    private final CommitteeContext committee;

    public ProposalSettings(EntityManager em, CommitteeContext committee) {
        this.em = em;
        this.committee = committee;
    }

    public Settings current() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select term, session, deadline_days, return_window_days, escalate_unit_after_days, "
                        + "escalate_office_after_days, escalate_leader_after_days from proposal_settings where committee = ?1")
                .setParameter(1, committee.code()).getResultList();
        return rows.stream().findFirst().map(r -> new Settings(((Number) r[0]).intValue(), ((Number) r[1]).intValue(),
                ((Number) r[2]).intValue(), ((Number) r[3]).intValue(), new Escalation(((Number) r[4]).intValue(),
                ((Number) r[5]).intValue(), ((Number) r[6]).intValue()))).orElse(DEFAULTS);
    }

    public Settings save(Settings s) {
        Escalation e = s.escalation() == null ? Escalation.DEFAULTS : s.escalation();
        if (e.officeAfterDays() < e.unitAfterDays() || e.leaderAfterDays() < e.officeAfterDays()) {
            throw org.cppcc.platform.problem.Problems.badRequest("escalation goes up in order: unitAfterDays ≤ officeAfterDays ≤ leaderAfterDays");
        }
        em.createNativeQuery("insert into proposal_settings (committee, term, session, deadline_days, return_window_days, escalate_unit_after_days, "
                        + "escalate_office_after_days, escalate_leader_after_days) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                        + "on conflict (committee) do update set term = excluded.term, session = excluded.session, "
                        + "deadline_days = excluded.deadline_days, return_window_days = excluded.return_window_days, "
                        + "escalate_unit_after_days = excluded.escalate_unit_after_days, "
                        + "escalate_office_after_days = excluded.escalate_office_after_days, "
                        + "escalate_leader_after_days = excluded.escalate_leader_after_days")
                .setParameter(1, committee.code()).setParameter(2, s.term()).setParameter(3, s.session())
                .setParameter(4, s.deadlineDays()).setParameter(5, s.returnWindowDays()).setParameter(6, e.unitAfterDays())
                .setParameter(7, e.officeAfterDays()).setParameter(8, e.leaderAfterDays()).executeUpdate();
        return new Settings(s.term(), s.session(), s.deadlineDays(), s.returnWindowDays(), e);
    }

    /** Whom an overdue item of this proposal goes up to, and when (the leader only for a key proposal a leader supervises). */
    public org.cppcc.platform.events.contracts.ProposalEvents.Escalation escalation(String supervisorUserId) {
        Escalation e = current().escalation();
        return new org.cppcc.platform.events.contracts.ProposalEvents.Escalation(e.unitAfterDays(), e.officeAfterDays(), e.leaderAfterDays(),
                supervisorUserId);
    }

    /** The next registration number of the current session, e.g. 二届二次会议 第0001号 (gap-free, per committee). */
    public String nextNumber(Settings s) {
        Number n = (Number) em.createNativeQuery("insert into proposal_counter (committee, term, session, next) values (?1, ?2, ?3, 2) "
                        + "on conflict (committee, term, session) do update set next = proposal_counter.next + 1 returning next - 1")
                .setParameter(1, committee.code()).setParameter(2, s.term()).setParameter(3, s.session()).getSingleResult();
        return "%s 第%04d号".formatted(s.sessionName(), n.intValue());
    }

    /** Chinese numerals for terms and sessions (一 … 九十九). */
    static final class Chinese {
        private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

        private Chinese() {
        }

        static String number(int n) {
            if (n < 10) {
                return DIGITS[n];
            }
            int tens = n / 10;
            int ones = n % 10;
            return (tens == 1 ? "" : DIGITS[tens]) + "十" + (ones == 0 ? "" : DIGITS[ones]);
        }
    }
}
