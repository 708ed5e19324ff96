package org.cppcc.proposals.clues;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** 提案线索 (订单式提案): a handling unit's request for a proposal on a topic it wants researched; OPEN until closed or expired. */
@Entity
@Table(name = "clue")
public class Clue {

    public enum Status { OPEN, CLOSED }

    @Id
    public UUID id;
    @TenantId
    public String committee;
    public UUID unitId;
    public String title;
    public String description;
    public String researchNeeds;
    public String contactName;
    public String contactPhone;
    /** the last day members may take it, in the committee's calendar */
    public LocalDate openUntil;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int term;
    public int session;
    public String postedBy;
    public Instant postedAt;
    public Instant closedAt;
    @Version
    public long version;
}
