package org.cppcc.notifications.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.cppcc.platform.time.SqlTime;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Consultation activities and their invitees as consultation-service announced them (scheduled, moved, invited,
 * answered): whom the day-before reminder and a move concern, without asking consultation-service.
 */
@ApplicationScoped
public class ConsultationActivities {

    public record Activity(String id, String title, Instant startsAt, String location, boolean cancelled) {
    }

    private final EntityManager em;

    public ConsultationActivities(EntityManager em) {
        this.em = em;
    }

    public void scheduled(String committee, String id, String title, Instant startsAt, String location) {
        em.createNativeQuery("insert into consultation_activity (id, committee, title, starts_at, location) values (?1, ?2, ?3, ?4, ?5) "
                        + "on conflict (id) do update set title = excluded.title, starts_at = excluded.starts_at, location = excluded.location")
                .setParameter(1, id).setParameter(2, committee).setParameter(3, title).setParameter(4, SqlTime.param(startsAt))
                .setParameter(5, location).executeUpdate();
    }

    public void cancelled(String id) {
        em.createNativeQuery("update consultation_activity set cancelled = true where id = ?1").setParameter(1, id).executeUpdate();
    }

    public Optional<Activity> find(String id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, title, starts_at, location, cancelled from consultation_activity where id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new Activity((String) r[0], (String) r[1], SqlTime.instant(r[2]), (String) r[3], (Boolean) r[4]));
    }

    /** An invitee (of an activity this service knows: an invitation without its activity is ignored, never half-kept). */
    public boolean invited(String committee, String activityId, String userId) {
        return em.createNativeQuery("insert into consultation_invitee (activity_id, committee, user_id) "
                        + "select id, ?2, ?3 from consultation_activity where id = ?1 on conflict do nothing")
                .setParameter(1, activityId).setParameter(2, committee).setParameter(3, userId).executeUpdate() == 1;
    }

    /** Leave asked (请假) or withdrawn: no reminder for them; accepted again: reminded again. */
    public void answered(String activityId, String userId, boolean onLeave) {
        em.createNativeQuery("update consultation_invitee set on_leave = ?3 where activity_id = ?1 and user_id = ?2")
                .setParameter(1, activityId).setParameter(2, userId).setParameter(3, onLeave).executeUpdate();
    }

    public boolean isInvitee(String activityId, String userId) {
        return !em.createNativeQuery("select 1 from consultation_invitee where activity_id = ?1 and user_id = ?2")
                .setParameter(1, activityId).setParameter(2, userId).getResultList().isEmpty();
    }

    /** Those invited and not on leave. */
    @SuppressWarnings("unchecked")
    public List<String> attending(String activityId) {
        return em.createNativeQuery("select user_id from consultation_invitee where activity_id = ?1 and not on_leave order by user_id")
                .setParameter(1, activityId).getResultList();
    }
}
