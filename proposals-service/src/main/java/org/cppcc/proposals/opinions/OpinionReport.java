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
    /** the member's own text, kept when the office first edits it */
    public String originalTitle;
    public String originalBody;
    public String editedBy;
    public Instant editedAt;
    /** the author's sector (界别) when submitted */
    public String authorSector;
    /** the 信息专报 issue it was compiled into */
    public UUID issueId;
    /** 转交: the department it was forwarded to, and its answer */
    public String forwardedTo;
    public Instant forwardedAt;
    public String departmentAnswer;
    public Instant answeredAt;
    @Version
    public long version;
}
