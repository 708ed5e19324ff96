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
import org.cppcc.notifications.directory.Directory;
import org.cppcc.notifications.directory.Directory.Contact;
import org.cppcc.notifications.routing.Category;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private final Directory directory;
    private final TransactionSynchronizationRegistry tx;
    private final ObjectMapper json;
    private final Clock clock;

    public Notifications(EntityManager em, Templates templates, PreferenceStore preferences, DeliveryQueue deliveries,
                         InboxStream stream, Directory directory, TransactionSynchronizationRegistry tx, ObjectMapper json, Clock clock) {
        this.em = em;
        this.templates = templates;
        this.preferences = preferences;
        this.deliveries = deliveries;
        this.stream = stream;
        this.directory = directory;
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
        publishOnCommit(List.of(new InboxStream.Item(m.kind(), m.audience(), new InboxService.NotificationView(id.toString(), committee,
                m.category().code(), text.title(), text.body(), m.link(), now, false))));
        return Optional.of(id);
    }

    /**
     * One message to each of these people (a fan-out: a broadcast's batch), with what {@link #create} does for each but
     * in a fixed number of statements per batch, not per person: their locales in one query, the texts rendered once per
     * locale, the inbox rows in one insert, their deliveries in one batch (per person it was ~7 statements and a template
     * parse; 600,000 members now take ~20 s: docs/performance.md).
     *
     * @return how many of them got it now (those this source had already notified are left as they are)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int createForEach(String committee, String sourceId, Category category, Map<String, Object> data, String link, List<Contact> people) {
        if (people.isEmpty()) {
            return 0;
        }
        List<String> userIds = people.stream().map(Contact::userId).toList();
        Map<String, String> locales = preferences.localesOf(userIds);
        Map<String, Templates.Rendered> texts = new HashMap<>();
        int n = people.size();
        UUID[] ids = new UUID[n];
        String[] titles = new String[n];
        String[] bodies = new String[n];
        for (int i = 0; i < n; i++) {
            Templates.Rendered text = texts.computeIfAbsent(locales.getOrDefault(userIds.get(i), Templates.ZH),
                    l -> templates.render(category, Channel.INBOX, l, data));
            ids[i] = Ids.newId();
            titles[i] = text.title();
            bodies[i] = text.body();
        }
        Instant now = clock.instant();
        String payload = write(data);
        Set<UUID> inserted = new HashSet<>();
        em.unwrap(Session.class).doWork(con -> {
            try (PreparedStatement st = con.prepareStatement("insert into notification (id, committee, audience_kind, audience, category, "
                    + "title, body, link, event_id, created_at, priority, data) "
                    + "select u.id, ?, 'USER', u.audience, ?, u.title, u.body, ?, ?, ?, ?, ? "
                    + "from unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) as u (id, audience, title, body) "
                    + "on conflict (event_id, audience_kind, audience) do nothing returning id")) {
                st.setString(1, committee);
                st.setString(2, category.code());
                st.setString(3, link);
                st.setString(4, sourceId);
                st.setTimestamp(5, Timestamp.from(now));
                st.setString(6, category.priority().name());
                st.setString(7, payload);
                st.setArray(8, con.createArrayOf("uuid", ids));
                st.setArray(9, con.createArrayOf("text", userIds.toArray(String[]::new)));
                st.setArray(10, con.createArrayOf("text", titles));
                st.setArray(11, con.createArrayOf("text", bodies));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        });
        Set<String> withDevices = directory.withDevices(userIds);
        List<DeliveryQueue.Row> rows = new ArrayList<>(inserted.size());
        List<InboxStream.Item> items = new ArrayList<>(inserted.size());
        for (int i = 0; i < n; i++) {
            if (inserted.contains(ids[i])) {
                Contact c = people.get(i);
                rows.add(new DeliveryQueue.Row(ids[i], c, withDevices.contains(c.userId())));
                items.add(new InboxStream.Item(AudienceKind.USER, c.userId(), new InboxService.NotificationView(ids[i].toString(), committee,
                        category.code(), titles[i], bodies[i], link, now, false)));
            }
        }
        deliveries.forEach(committee, rows);
        publishOnCommit(items);
        return inserted.size();
    }

    /** Hands the items to the live streams once (and only if) the transaction commits. */
    private void publishOnCommit(List<InboxStream.Item> items) {
        if (items.isEmpty()) {
            return;
        }
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    items.forEach(stream::publish);
                }
            }
        });
    }

    private String write(Message m) {
        return write(m.data());
    }

    private String write(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("message data is not serialisable", e);
        }
    }
}
