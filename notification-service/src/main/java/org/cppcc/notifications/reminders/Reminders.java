package org.cppcc.notifications.reminders;

import org.cppcc.platform.tenancy.AcrossCommittees;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cppcc.notifications.inbox.Notification.AudienceKind;
import org.cppcc.notifications.inbox.Notifications;
import org.cppcc.notifications.routing.Category;
import org.cppcc.notifications.routing.Message;
import org.cppcc.platform.ids.Ids;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Messages for later (a meeting tomorrow, a deadline in three days), scheduled from the events that
 * announce the dates and cancelled when the thing is done or called off. A job fires those that are due.
 */
@ApplicationScoped
public class Reminders {

    private final EntityManager em;
    private final Notifications notifications;
    private final ObjectMapper json;
    private final Clock clock;

    public Reminders(EntityManager em, Notifications notifications, ObjectMapper json, Clock clock) {
        this.em = em;
        this.notifications = notifications;
        this.json = json;
        this.clock = clock;
    }

    /** Schedules a reminder (once per subject, category, audience and time); one whose time has passed is not scheduled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(String committee, String subjectKey, Instant fireAt, Message m) {
        if (!fireAt.isAfter(clock.instant())) {
            return;
        }
        try {
            em.createNativeQuery("insert into reminder (id, committee, subject_key, fire_at, category, audience_kind, audience, data, link, status) "
                            + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'SCHEDULED') "
                            // the same reminder called off before (a move there and back): it stands again
                            + "on conflict (subject_key, category, audience_kind, audience, fire_at) do update set status = 'SCHEDULED', "
                            + "data = excluded.data, link = excluded.link where reminder.status = 'CANCELLED'")
                    .setParameter(1, Ids.newId()).setParameter(2, committee).setParameter(3, subjectKey)
                    .setParameter(4, OffsetDateTime.ofInstant(fireAt, ZoneOffset.UTC)).setParameter(5, m.category().code())
                    .setParameter(6, m.kind().name()).setParameter(7, m.audience()).setParameter(8, json.writeValueAsString(m.data()))
                    .setParameter(9, m.link()).executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The thing is done or called off: its reminders will not fire. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancel(String subjectKey) {
        return em.createNativeQuery("update reminder set status = 'CANCELLED' where subject_key = ?1 and status = 'SCHEDULED'")
                .setParameter(1, subjectKey).executeUpdate();
    }

    /** One audience's reminders of the thing are called off (a member asked for leave); the others' stand. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancel(String subjectKey, AudienceKind kind, String audience) {
        return em.createNativeQuery("update reminder set status = 'CANCELLED' where subject_key = ?1 and audience_kind = ?2 and audience = ?3 "
                        + "and status = 'SCHEDULED'")
                .setParameter(1, subjectKey).setParameter(2, kind.name()).setParameter(3, audience).executeUpdate();
    }

    @Scheduled(every = "${cppcc.notify.reminder-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "reminders")
    @ActivateRequestContext
    void scheduled() {
        fireDue();
    }

    /** Fires every reminder due by the clock's now; returns how many. */
    @AcrossCommittees("reminders fall due in every committee")
    @ActivateRequestContext
    public int fireDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> due = em.createNativeQuery("select id, committee, category, audience_kind, audience, data, link from reminder "
                            + "where status = 'SCHEDULED' and fire_at <= ?1 order by fire_at limit 200 for update skip locked")
                    .setParameter(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).getResultList();
            for (Object[] r : due) {
                Map<String, Object> data = json.readValue((String) r[5], new TypeReference<Map<String, Object>>() { });
                Message m = new Message(AudienceKind.valueOf((String) r[3]), (String) r[4],
                        Category.of((String) r[2]).orElse(Category.ANNOUNCEMENT), data, (String) r[6]);
                notifications.create((String) r[1], "reminder:" + r[0], m);
                em.createNativeQuery("update reminder set status = 'SENT' where id = ?1").setParameter(1, (UUID) r[0]).executeUpdate();
            }
            return due.size();
        });
    }
}
