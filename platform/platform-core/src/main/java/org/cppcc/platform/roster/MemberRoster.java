package org.cppcc.platform.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cppcc.platform.events.EventEnvelope;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.contracts.MemberJoined;
import org.cppcc.platform.events.contracts.RosterEvents;
import org.cppcc.platform.inbox.EventProcessor;
import org.cppcc.platform.problem.Problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A service's read model of the committees' members, kept from members-service's roster events, so a
 * service can name members (co-signers, invitees) without calling members-service. The service's schema
 * has the table {@code member_roster (committee, user_id, username, name)}, primary key (committee, user_id).
 */
@ApplicationScoped
public class MemberRoster {

    public record RosterMember(String userId, String username, String name) {
    }

    private final EntityManager em;
    private final EventProcessor events;

    public MemberRoster(EntityManager em, EventProcessor events) {
        this.em = em;
        this.events = events;
    }

    /** @return true if the event was a roster event (and has been applied). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(EventEnvelope e) {
        switch (e.type()) {
            // MemberChanged carries the same fields as MemberJoined: the newest state replaces the row
            case EventTypes.MEMBER_JOINED, EventTypes.MEMBER_CHANGED -> {
                MemberJoined m = events.data(e, MemberJoined.class);
                em.createNativeQuery("insert into member_roster (committee, user_id, username, name, sector) values (?1, ?2, ?3, ?4, ?5) "
                                + "on conflict (committee, user_id) do update set username = excluded.username, name = excluded.name, "
                                + "sector = excluded.sector")
                        .setParameter(1, e.committee()).setParameter(2, m.userId()).setParameter(3, m.username()).setParameter(4, m.name())
                        .setParameter(5, m.sector()).executeUpdate();
                return true;
            }
            case EventTypes.MEMBER_LEFT -> {
                em.createNativeQuery("delete from member_roster where committee = ?1 and user_id = ?2").setParameter(1, e.committee())
                        .setParameter(2, events.data(e, RosterEvents.MemberLeft.class).userId()).executeUpdate();
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** A member's sector (界别) in a committee, as members-service last announced it. */
    public Optional<String> sector(String committee, String userId) {
        List<?> found = em.createNativeQuery("select sector from member_roster where committee = ?1 and user_id = ?2 and sector is not null")
                .setParameter(1, committee).setParameter(2, userId).getResultList();
        return found.stream().findFirst().map(Object::toString);
    }

    /** Members of a committee by user name, in the order given (duplicates dropped); an unknown name is bad input. */
    public List<RosterMember> byUsernames(String committee, List<String> usernames) {
        List<RosterMember> out = new ArrayList<>();
        for (String u : usernames.stream().distinct().toList()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select user_id, username, name from member_roster where committee = ?1 and username = ?2")
                    .setParameter(1, committee).setParameter(2, u).getResultList();
            Object[] r = rows.stream().findFirst().orElseThrow(() -> Problems.badRequest(u + " is not a member of committee " + committee));
            out.add(new RosterMember((String) r[0], (String) r[1], (String) r[2]));
        }
        return out;
    }

    /** A member's user name in a committee, if they are one. */
    public Optional<String> username(String committee, String userId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select username from member_roster where committee = ?1 and user_id = ?2")
                .setParameter(1, committee).setParameter(2, userId).getResultList();
        return rows.stream().findFirst();
    }
}
