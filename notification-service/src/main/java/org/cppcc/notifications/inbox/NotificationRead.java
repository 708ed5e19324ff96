package org.cppcc.notifications.inbox;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** That one reader has read one notification (role-addressed items are read per person). */
@Entity
@Table(name = "notification_read")
@IdClass(NotificationRead.Key.class)
public class NotificationRead {

    public record Key(UUID notificationId, String userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    public UUID notificationId;
    @Id
    public String userId;
    public Instant readAt;
}
