package org.cppcc.proposals.opinions;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.UUID;

/** 社情民意信息: a member's report; SUBMITTED → ADOPTED (采用) → INSTRUCTED (批示), or NOT_ADOPTED. */
@Entity
@Table(name = "opinion_report")
public class OpinionReport {

    public enum Status { SUBMITTED, ADOPTED, NOT_ADOPTED, INSTRUCTED }

    @Id
    public UUID id;
    @TenantId
    public String committee;
    public String title;
    public String body;
    public String authorUserId;
    public String authorName;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** who adopted it, e.g. "区委办公室《每日要情》" */
    public String adoptedBy;
    public String declineReason;
    /** the leader who gave the instruction (批示) */
    public String instructedBy;
    public String instruction;
    public Instant submittedAt;
    public Instant decidedAt;
    @Version
    public long version;
}
