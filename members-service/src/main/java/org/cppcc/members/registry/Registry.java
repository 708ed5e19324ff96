package org.cppcc.members.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.tenancy.CommitteeContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** A committee's registry: terms (届) and sessions (次会议), sectors (界别), special committees (专门委员会). */
@ApplicationScoped
@Transactional
public class Registry {

    public static final String SECTORS = "sector";
    public static final String SPECIAL_COMMITTEES = "special-committee";

    public record Session(@Min(1) @Max(10) int number, @NotBlank @Size(max = 40) String name, LocalDate opensOn) {
    }

    public record Term(@Min(1) @Max(99) int number, @NotBlank @Size(max = 20) String name, @NotNull LocalDate startsOn,
                       LocalDate endsOn, @Valid List<@NotNull Session> sessions) {
    }

    public record View(List<Term> terms, List<String> sectors, List<String> specialCommittees) {
    }

    private final EntityManager em;
    private final CommitteeContext committee;

    private final org.cppcc.platform.outbox.Outbox outbox;

    public Registry(EntityManager em, CommitteeContext committee, org.cppcc.platform.outbox.Outbox outbox) {
        this.em = em;
        this.committee = committee;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public View view() {
        return new View(terms(), names(SECTORS), names(SPECIAL_COMMITTEES));
    }

    /** Replaces a named list (sectors or special committees), keeping the given order. */
    public List<String> replace(String list, List<String> names) {
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String n : names) {
            if (n == null || n.isBlank() || n.strip().length() > 100) {
                throw Problems.badRequest("each name must be 1 to 100 characters");
            }
            clean.add(n.strip());
        }
        em.createNativeQuery("delete from registry_name where committee = ?1 and list = ?2")
                .setParameter(1, committee.code()).setParameter(2, list).executeUpdate();
        int i = 0;
        for (String n : clean) {
            em.createNativeQuery("insert into registry_name (committee, list, name, position) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, committee.code()).setParameter(2, list).setParameter(3, n).setParameter(4, i++).executeUpdate();
        }
        if (SPECIAL_COMMITTEES.equals(list)) { // proposals-service names them as supervisors of key proposals (督办)
            outbox.publish(org.cppcc.platform.events.Topics.MEMBERS, org.cppcc.platform.events.EventTypes.SPECIAL_COMMITTEES_CHANGED,
                    committee.code(), committee.code(),
                    new org.cppcc.platform.events.contracts.LeadershipEvents.SpecialCommitteesChanged(List.copyOf(clean)));
        }
        return List.copyOf(clean);
    }

    /** Creates or replaces a term and its sessions. */
    public Term saveTerm(int number, Term t) {
        if (t.number() != number) {
            throw Problems.badRequest("the term number in the body (" + t.number() + ") differs from the path (" + number + ")");
        }
        if (t.endsOn() != null && t.endsOn().isBefore(t.startsOn())) {
            throw Problems.badRequest("a term cannot end before it starts");
        }
        List<Session> sessions = t.sessions() == null ? List.of() : t.sessions();
        if (sessions.stream().map(Session::number).distinct().count() != sessions.size()) {
            throw Problems.badRequest("session numbers must be unique within a term");
        }
        em.createNativeQuery("insert into term (committee, number, name, starts_on, ends_on) values (?1, ?2, ?3, ?4, ?5) "
                        + "on conflict (committee, number) do update set name = excluded.name, starts_on = excluded.starts_on, ends_on = excluded.ends_on")
                .setParameter(1, committee.code()).setParameter(2, number).setParameter(3, t.name().strip()).setParameter(4, t.startsOn())
                .setParameter(5, t.endsOn()).executeUpdate();
        em.createNativeQuery("delete from term_session where committee = ?1 and term_number = ?2")
                .setParameter(1, committee.code()).setParameter(2, number).executeUpdate();
        for (Session s : sessions) {
            em.createNativeQuery("insert into term_session (committee, term_number, number, name, opens_on) values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, committee.code()).setParameter(2, number).setParameter(3, s.number()).setParameter(4, s.name().strip())
                    .setParameter(5, s.opensOn()).executeUpdate();
        }
        return new Term(number, t.name().strip(), t.startsOn(), t.endsOn(), sessions);
    }

    /** The committee's sectors or special committees; empty when staff have not listed them (then any name is taken). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> names(String list) {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("select name from registry_name where committee = ?1 and list = ?2 order by position")
                .setParameter(1, committee.code()).setParameter(2, list).getResultList();
        return names;
    }

    @SuppressWarnings("unchecked")
    private List<Term> terms() {
        List<Object[]> rows = em.createNativeQuery("select number, name, starts_on, ends_on from term where committee = ?1 order by number")
                .setParameter(1, committee.code()).getResultList();
        List<Term> terms = new ArrayList<>();
        for (Object[] r : rows) {
            int number = ((Number) r[0]).intValue();
            List<Object[]> ss = em.createNativeQuery("select number, name, opens_on from term_session where committee = ?1 and term_number = ?2 order by number")
                    .setParameter(1, committee.code()).setParameter(2, number).getResultList();
            terms.add(new Term(number, (String) r[1], org.cppcc.platform.time.SqlTime.date(r[2]), org.cppcc.platform.time.SqlTime.date(r[3]),
                    ss.stream().map(s -> new Session(((Number) s[0]).intValue(), (String) s[1], org.cppcc.platform.time.SqlTime.date(s[2]))).toList()));
        }
        return terms;
    }
}
