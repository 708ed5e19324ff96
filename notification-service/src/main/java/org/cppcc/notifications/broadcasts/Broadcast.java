package org.cppcc.notifications.broadcasts;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.UUID;

/** 通知公告: an announcement to every member of a committee, fanned out in batches by {@link BroadcastJob}. */
@Entity
@Table(name = "broadcast")
public class Broadcast {

    public enum Status { PENDING, SENDING, DONE }

    @Id
    public UUID id;
    @TenantId
    public String committee;
    public String title;
    public String body;
    public String createdBy;
    public Instant createdAt;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    /** members when it was sent */
    public int recipients;
    /** members whose inbox has it so far */
    public int fannedOut;
    /** where the fan-out has got to (user ids in order) */
    public String lastUser;
    @Version
    public long version;
}
