package org.cppcc.proposals.submission;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.UUID;

/** 提案: a proposal, owned by one committee. */
@Entity
@Table(name = "proposal")
public class Proposal {

    @Id
    public UUID id;

    /** The committee (tenant); set by Hibernate from the request's committee, never from input. */
    @TenantId
    public String committee;

    public String title;
    public String body;

    @Enumerated(EnumType.STRING)
    public ProposalKind kind;

    @Enumerated(EnumType.STRING)
    public ProposalStatus status;

    public String authorUserId;
    public String authorName;
    /** The proposer agrees that the proposal and its reply may be published (公开). */
    public boolean publishConsent;
    public Instant submittedAt;

    /** 届 and 次会议 of the session it was registered in, and its number there (e.g. 第0001号) */
    public Integer term;
    public Integer session;
    public String number;
    public Instant registeredAt;
    /** why it was returned or not registered */
    public String decisionReason;
    /** 0 before assignment, 1 first handling, 2 二次办理 */
    public int handlingRound;
    /** 公开: published on the committee's public pages */
    public boolean published;
    public Instant publishedAt;
    /** 联名: co-signers answer their invitation before this moment */
    public Instant signingDeadline;
    /** 集体提案: the party, sector or special committee it is submitted for (by the proposal office) */
    public String onBehalfOf;
    /** 并案: the proposal this one was merged into */
    public UUID mergedInto;
    /** 不予立案 and turned into a 社情民意 report (OPINION_REPORT) or a letter (LETTER) */
    public String convertedTo;

    /** 四级联动: the hop (cultivation) it was adopted from, when a lower committee recommended it */
    public UUID cultivatedFrom;
    /** the author's sector (界别) when it was filed; none for a collective proposal */
    public String authorSector;
    /** 优秀提案 of its session */
    public boolean excellent;
    /** 订单式提案: the clue it was written on */
    public UUID clueId;

    /** 重点提案 and who supervises it (督办): the name of a leader or special committee, from the registry */
    public boolean keyProposal;
    public String supervisingLeader;
    /** LEADER or SPECIAL_COMMITTEE; the leader's user name or the special committee's name; the leader's account */
    public String supervisorKind;
    public String supervisorRef;
    public String supervisorUserId;

    /** 主题: subject tags (教育, 养老, 营商环境 …) */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    public java.util.List<String> tags = new java.util.ArrayList<>();

    @Version
    public long version;
}
