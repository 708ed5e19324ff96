package org.cppcc.consultation.activities;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.UUID;

/** 协商活动: one consultation meeting or event of a committee. */
@Entity
@Table(name = "activity")
public class Activity {

    @Id
    public UUID id;
    @TenantId
    public String committee;
    @Enumerated(EnumType.STRING)
    public ConsultationForm form;
    public String title;
    public Instant startsAt;
    public String location;
    @Enumerated(EnumType.STRING)
    public ActivityStatus status;
    public String cancelReason;
    /** the plan's topic (议题) it is held under, if any */
    public UUID topicId;
    /** places (null: no limit) for those who sign up (residents, or members when open to them); beyond it they wait in line */
    public Integer capacity;
    /** 报名: members may sign up themselves (besides those the office invites) */
    public boolean openToMembers;
    /** 调研: the research group (1+4+N) holding it and its stage */
    public UUID researchGroupId;
    public String researchStage;
    /** 身边事好商量: residents may sign up without an account */
    public boolean openToResidents;
    /** 对口协商: the matching government department */
    public String department;
    /** 提案办理协商: the proposal (proposals-service's id) and the units handling it (names, 、-separated) */
    public UUID proposalRef;
    public String handlingUnits;
    /** 界别协商: the sectors taking part (、-separated) */
    public String sectors;
    /** 委员议事厅: its episode, 第N期 of the committee */
    public Integer episode;
    /** the key on its public notice that residents sign up with (never in the activity's view) */
    public String signUpKey;
    public String createdBy;
    public Instant createdAt;
    @Version
    public long version;
}
