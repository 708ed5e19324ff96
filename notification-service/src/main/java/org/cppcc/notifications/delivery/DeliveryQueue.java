package org.cppcc.notifications.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.cppcc.notifications.directory.Directory;
import org.cppcc.notifications.directory.Directory.Contact;
import org.cppcc.platform.ids.Ids;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Queues the external deliveries of a stored notification: one row per person and channel they can be
 * reached on (an e-mail address, a mobile number, a registered device). Unique per notification, person and
 * channel, so a redelivered event queues nothing twice. Whether and when each is sent is the dispatcher's call.
 */
@ApplicationScoped
public class DeliveryQueue {

    private final EntityManager em;
    private final Directory directory;
    private final Clock clock;

    public DeliveryQueue(EntityManager em, Directory directory, Clock clock) {
        this.em = em;
        this.directory = directory;
        this.clock = clock;
    }

    /** For one person, by their contact in the notification's committee. */
    public void forPerson(String committee, UUID notificationId, String userId) {
        Contact contact = directory.contact(userId, committee).orElse(new Contact(userId, null, null, null));
        insert(committee, List.of(new Row(notificationId, contact, !directory.devices(userId).isEmpty())));
    }

    /** For every member of the committee (a message to the role "member"), in one batch statement. */
    public void forMembers(String committee, UUID notificationId) {
        String after = null;
        List<Contact> batch;
        do {
            batch = directory.members(committee, after, 1000);
            java.util.Set<String> withDevices = directory.withDevices(batch.stream().map(Contact::userId).toList());
            List<Row> rows = new ArrayList<>();
            for (Contact c : batch) {
                rows.add(new Row(notificationId, c, withDevices.contains(c.userId())));
                after = c.userId();
            }
            insert(committee, rows);
        } while (batch.size() == 1000);
    }

    /** Per-person notifications of a fan-out (a broadcast): each row carries its own notification. */
    public void forEach(String committee, List<Row> rows) {
        insert(committee, rows);
    }

    public record Row(UUID notificationId, Contact contact, boolean hasDevice) {
    }

    private void insert(String committee, List<Row> rows) {
        Timestamp now = Timestamp.from(clock.instant());
        em.unwrap(Session.class).doWork(con -> {
            try (PreparedStatement st = con.prepareStatement("insert into delivery (id, committee, notification_id, user_id, channel, status, "
                    + "next_attempt_at, created_at) values (?, ?, ?, ?, ?, 'QUEUED', ?, ?) on conflict (notification_id, user_id, channel) do nothing")) {
                int n = 0;
                for (Row r : rows) {
                    for (Channel ch : channels(r)) {
                        st.setObject(1, Ids.newId());
                        st.setString(2, committee);
                        st.setObject(3, r.notificationId());
                        st.setString(4, r.contact().userId());
                        st.setString(5, ch.name());
                        st.setTimestamp(6, now);
                        st.setTimestamp(7, now);
                        st.addBatch();
                        n++;
                    }
                }
                if (n > 0) {
                    st.executeBatch();
                }
            }
        });
    }

    private static List<Channel> channels(Row r) {
        List<Channel> out = new ArrayList<>(3);
        if (r.contact().email() != null && !r.contact().email().isBlank()) {
            out.add(Channel.EMAIL);
        }
        if (r.contact().mobile() != null && !r.contact().mobile().isBlank()) {
            out.add(Channel.SMS);
        }
        if (r.hasDevice()) {
            out.add(Channel.PUSH);
        }
        return out;
    }
}
