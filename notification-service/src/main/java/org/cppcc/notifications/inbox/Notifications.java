package org.cppcc.notifications.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.cppcc.notifications.delivery.Channel;
import org.cppcc.notifications.delivery.DeliveryQueue;
import org.cppcc.notifications.inbox.Notification.AudienceKind;
import org.cppcc.notifications.preferences.PreferenceStore;
import org.cppcc.notifications.routing.Message;
import org.cppcc.notifications.templates.Templates;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.tenancy.Roles;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores a message in the inbox (exactly once per source and audience), queues its external deliveries,
 * and, once the transaction commits, pushes it to the live streams of those who are connected.
 */
@ApplicationScoped
public class Notifications {

    private final EntityManager em;
    private final Templates templates;
    private final PreferenceStore preferences;
    private final DeliveryQueue deliveries;
    private final InboxStream stream;
    private final TransactionSynchronizationRegistry tx;
    private final ObjectMapper json;
    private final Clock clock;

    public Notifications(EntityManager em, Templates templates, PreferenceStore preferences, DeliveryQueue deliveries,
                         InboxStream stream, TransactionSynchronizationRegistry tx, ObjectMapper json, Clock clock) {
        this.em = em;
        this.templates = templates;
        this.preferences = preferences;
        this.deliveries = deliveries;
        this.stream = stream;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param sourceId what caused it (an event id, "reminder:…", "broadcast:…"): with the audience, the dedupe key
     * @return the new notification's id, or empty if this source had already notified this audience
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> create(String committee, String sourceId, Message m) {
        // one person reads in their own language; a shared (role or unit) item is in Chinese
        String locale = m.kind() == AudienceKind.USER ? preferences.of(m.audience()).locale() : Templates.ZH;
        Templates.Rendered text = templates.render(m.category(), Channel.INBOX, locale, m.data());
        UUID id = Ids.newId();
        Instant now = clock.instant();
        int inserted = em.createNativeQuery("insert into notification (id, committee, audience_kind, audience, category, title, body, link, "
                        + "event_id, created_at, priority, data) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                        + "on conflict (event_id, audience_kind, audience) do nothing")
                .setParameter(1, id).setParameter(2, committee).setParameter(3, m.kind().name()).setParameter(4, m.audience())
                .setParameter(5, m.category().code()).setParameter(6, text.title()).setParameter(7, text.body()).setParameter(8, m.link())
                .setParameter(9, sourceId).setParameter(10, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter(11, m.category().priority().name()).setParameter(12, write(m))
                .executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        if (m.kind() == AudienceKind.USER) {
            deliveries.forPerson(committee, id, m.audience());
        } else if (m.kind() == AudienceKind.UNIT) { // to the unit's own contact, on its channels (none: inbox only)
            deliveries.forPerson(committee, id, org.cppcc.notifications.directory.Directory.unitRecipient(m.audience()));
        } else if (m.kind() == AudienceKind.ROLE && m.audience().equals(Notification.roleAudience(committee, Roles.MEMBER))) {
            deliveries.forMembers(committee, id);
        }
        InboxStream.Item item = new InboxStream.Item(m.kind(), m.audience(), new InboxService.NotificationView(id.toString(), committee,
                m.category().code(), text.title(), text.body(), m.link(), now, false));
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    stream.publish(item);
                }
            }
        });
        return Optional.of(id);
    }

    private String write(Message m) {
        try {
            return json.writeValueAsString(m.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("message data is not serialisable", e);
        }
    }
}
