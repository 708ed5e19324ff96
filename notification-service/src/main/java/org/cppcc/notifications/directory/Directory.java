package org.cppcc.notifications.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.cppcc.platform.events.contracts.HandlingUnitRegistered;
import org.cppcc.platform.events.contracts.MemberJoined;

import java.util.List;
import java.util.Optional;

/**
 * Who can be reached, and how: read models built from members' and handling units' events, so that
 * routing never calls another service.
 */
@ApplicationScoped
public class Directory {

    /** A member's contact in one committee. */
    public record Contact(String userId, String name, String email, String mobile) {
    }

    private final EntityManager em;

    public Directory(EntityManager em) {
        this.em = em;
    }

    public void memberJoined(String committee, MemberJoined m) {
        em.createNativeQuery("insert into recipient (committee, user_id, username, name, email, mobile) values (?1, ?2, ?3, ?4, ?5, ?6) "
                        + "on conflict (committee, user_id) do update set username = excluded.username, name = excluded.name, "
                        + "email = excluded.email, mobile = excluded.mobile")
                .setParameter(1, committee).setParameter(2, m.userId()).setParameter(3, m.username()).setParameter(4, m.name())
                .setParameter(5, m.email()).setParameter(6, m.mobile()).executeUpdate();
    }

    /** A membership ended: no more messages to them as a member of this committee (other committees unaffected). */
    public void memberLeft(String committee, String userId) {
        em.createNativeQuery("delete from recipient where committee = ?1 and user_id = ?2").setParameter(1, committee).setParameter(2, userId)
                .executeUpdate();
    }

    public void unitRegistered(String committee, HandlingUnitRegistered u) {
        em.createNativeQuery("insert into unit_contact (unit_id, committee, name, updated_at) values (?1, ?2, ?3, now()) "
                        + "on conflict (unit_id) do update set name = excluded.name")
                .setParameter(1, u.unitId()).setParameter(2, committee).setParameter(3, u.name()).executeUpdate();
        em.createNativeQuery("delete from unit_officer where unit_id = ?1").setParameter(1, u.unitId()).executeUpdate();
        for (String officer : u.officerUsernames()) {
            em.createNativeQuery("insert into unit_officer (unit_id, committee, unit_name, username) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, u.unitId()).setParameter(2, committee).setParameter(3, u.name()).setParameter(4, officer)
                    .executeUpdate();
        }
    }

    /** 督办: the key proposal's supervising leader (none: a special committee supervises, or not key). */
    public void keyProposal(String committee, String proposalId, String leaderUserId) {
        em.createNativeQuery("delete from key_proposal where proposal_id = ?1").setParameter(1, proposalId).executeUpdate();
        if (leaderUserId != null) {
            em.createNativeQuery("insert into key_proposal (proposal_id, committee, leader_user_id) values (?1, ?2, ?3)")
                    .setParameter(1, proposalId).setParameter(2, committee).setParameter(3, leaderUserId).executeUpdate();
        }
    }

    public Optional<String> keyProposalLeader(String proposalId) {
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("select leader_user_id from key_proposal where proposal_id = ?1").setParameter(1, proposalId)
                .getResultList();
        return found.stream().findFirst();
    }

    /** Messages to a unit are also delivered, on the unit's chosen channels, to its own contact: to the person "unit:<id>". */
    public static String unitRecipient(String unitId) {
        return "unit:" + unitId;
    }

    public void unitContact(String committee, String unitId, String name, String email, String mobile, java.time.Instant now) {
        em.createNativeQuery("insert into unit_contact (unit_id, committee, name, email, mobile, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6) "
                        + "on conflict (unit_id) do update set name = excluded.name, email = excluded.email, mobile = excluded.mobile, "
                        + "updated_at = excluded.updated_at")
                .setParameter(1, unitId).setParameter(2, committee).setParameter(3, name).setParameter(4, email).setParameter(5, mobile)
                .setParameter(6, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).executeUpdate();
    }

    /** The unit's name as its officers' registration said it, if the unit is known here. */
    public Optional<String> unitName(String committee, String unitId) {
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("select name from unit_contact where unit_id = ?1 and committee = ?2")
                .setParameter(1, unitId).setParameter(2, committee).getResultList();
        return found.stream().findFirst();
    }

    /** A person's contact, preferring what they gave this committee (a unit's: its own contact). */
    public Optional<Contact> contact(String userId, String committee) {
        if (userId.startsWith("unit:")) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select name, email, mobile from unit_contact where unit_id = ?1")
                    .setParameter(1, userId.substring(5)).getResultList();
            return rows.stream().findFirst().map(r -> new Contact(userId, (String) r[0], (String) r[1], (String) r[2]));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select user_id, name, email, mobile from recipient where user_id = ?1 "
                        + "order by (committee = ?2) desc limit 1")
                .setParameter(1, userId).setParameter(2, committee).getResultList();
        return rows.stream().findFirst().map(r -> new Contact((String) r[0], (String) r[1], (String) r[2], (String) r[3]));
    }

    /** The members of a committee, in user-id order, a batch at a time (for fan-outs). */
    public List<Contact> members(String committee, String afterUserId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select user_id, name, email, mobile from recipient where committee = ?1 and user_id > ?2 "
                        + "order by user_id limit ?3")
                .setParameter(1, committee).setParameter(2, afterUserId == null ? "" : afterUserId).setParameter(3, limit)
                .getResultList();
        return rows.stream().map(r -> new Contact((String) r[0], (String) r[1], (String) r[2], (String) r[3])).toList();
    }

    public long memberCount(String committee) {
        return ((Number) em.createNativeQuery("select count(*) from recipient where committee = ?1").setParameter(1, committee)
                .getSingleResult()).longValue();
    }

    public List<String> devices(String userId) {
        @SuppressWarnings("unchecked")
        List<String> tokens = em.createNativeQuery("select token from device where user_id = ?1 order by registered_at")
                .setParameter(1, userId).getResultList();
        return tokens;
    }

    /** Which of these people have a registered device. */
    public java.util.Set<String> withDevices(List<String> userIds) {
        if (userIds.isEmpty()) {
            return java.util.Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> users = em.createNativeQuery("select distinct user_id from device where user_id in (:ids)")
                .setParameter("ids", userIds).getResultList();
        return new java.util.HashSet<>(users);
    }

    /** The handling units whose officer this user name is. */
    public List<String> unitsOf(String username) {
        @SuppressWarnings("unchecked")
        List<String> units = em.createNativeQuery("select unit_id from unit_officer where username = ?1").setParameter(1, username).getResultList();
        return units;
    }
}
