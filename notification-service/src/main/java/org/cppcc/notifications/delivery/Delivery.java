package org.cppcc.notifications.delivery;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.UUID;

/** One message to one person on one external channel (the dispatcher works on the table directly). */
@Entity
@Table(name = "delivery")
public class Delivery {

    @Id
    public UUID id;
    @TenantId
    public String committee;
    public UUID notificationId;
    public String userId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public int attempts;
    public Instant nextAttemptAt;
    public String lastError;
    public String providerRef;
    public Instant createdAt;
    public Instant sentAt;
    public Instant deliveredAt;
    @Version
    public long version;
}
