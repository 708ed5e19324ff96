package org.cppcc.proposals.assignment;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** 交办: a proposal assigned to one unit, as lead (主办) or co-handler (会办), in one handling round. */
@Entity
@Table(name = "assignment")
public class Assignment {

    public static final String LEAD = "LEAD";
    public static final String CO = "CO";
    public static final String OPEN = "OPEN";
    public static final String REPLIED = "REPLIED";
    public static final String CLOSED = "CLOSED";
    public static final String RETURN_REQUESTED = "RETURN_REQUESTED";

    @Id
    public UUID id;
    @TenantId
    public String committee;
    public UUID proposalId;
    public UUID unitId;
    /** LEAD or CO */
    public String role;
    public int handlingRound;
    /** 规定时限 */
    public LocalDate deadline;
    /** OPEN, RETURN_REQUESTED, REPLIED, CLOSED */
    public String status;
    /** why the unit asked to give it back */
    public String returnReason;
    public Instant assignedAt;
    /** 延期: its deadline was moved at the unit's request */
    public boolean extended;
    /** For the session's figures without joins (V13): the proposal's session, the reply's time and class, the proposer's rating */
    public Integer term;
    public Integer session;
    public Instant repliedAt;
    public String classification;
    public String replyRating;
    @Version
    public long version;
}
