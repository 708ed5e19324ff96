package org.cppcc.proposals.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cppcc.platform.events.EventEnvelope;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.contracts.LeadershipEvents;
import org.cppcc.platform.inbox.EventProcessor;
import org.cppcc.platform.tenancy.CommitteeContext;

import java.util.List;
import java.util.Optional;

/**
 * Who may supervise a committee's key proposals (督办): its leaders and special committees, as members-service last
 * announced them. Each announcement is a whole list and replaces the one before, so a repeated one changes nothing.
 */
@ApplicationScoped
public class Supervisors {

    public static final String LEADER = "LEADER";
    public static final String SPECIAL_COMMITTEE = "SPECIAL_COMMITTEE";

    /** kind LEADER (ref: user name) or SPECIAL_COMMITTEE (ref: its name). */
    public record Supervisor(String kind, String ref, String name, String userId) {
    }

    private final EntityManager em;
    private final EventProcessor events;
    private final CommitteeContext committee;

    public Supervisors(EntityManager em, EventProcessor events, CommitteeContext committee) {
        this.em = em;
        this.events = events;
        this.committee = committee;
    }

    /** @return true if the event was a leadership event (and has been applied). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(EventEnvelope e) {
        switch (e.type()) {
            case EventTypes.LEADERS_CHANGED -> {
                replace(e.committee(), LEADER, events.data(e, LeadershipEvents.LeadersChanged.class).leaders().stream()
                        .map(l -> new Supervisor(LEADER, l.username(), l.name(), l.userId())).toList());
                return true;
            }
            case EventTypes.SPECIAL_COMMITTEES_CHANGED -> {
                replace(e.committee(), SPECIAL_COMMITTEE, events.data(e, LeadershipEvents.SpecialCommitteesChanged.class).names().stream()
                        .map(n -> new Supervisor(SPECIAL_COMMITTEE, n, n, null)).toList());
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void replace(String code, String kind, List<Supervisor> list) {
        em.createNativeQuery("delete from supervisor where committee = ?1 and kind = ?2").setParameter(1, code).setParameter(2, kind)
                .executeUpdate();
        int position = 0;
        for (Supervisor s : list) {
            em.createNativeQuery("insert into supervisor (committee, kind, ref, user_id, name, position) values (?1, ?2, ?3, ?4, ?5, ?6) "
                            + "on conflict do nothing")
                    .setParameter(1, code).setParameter(2, kind).setParameter(3, s.ref()).setParameter(4, s.userId())
                    .setParameter(5, s.name()).setParameter(6, position++).executeUpdate();
        }
    }

    /** The committee's leaders, then its special committees. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Supervisor> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select kind, ref, name, user_id from supervisor where committee = ?1 "
                + "order by kind, position").setParameter(1, committee.code()).getResultList();
        return rows.stream().map(r -> new Supervisor((String) r[0], (String) r[1], (String) r[2], (String) r[3])).toList();
    }

    public Optional<Supervisor> find(String kind, String ref) {
        return list().stream().filter(s -> s.kind().equals(kind) && s.ref().equals(ref)).findFirst();
    }
}
