package org.cppcc.members.roster;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.UUID;

/** 委员: a person's membership of one committee. */
@Entity
@Table(name = "member")
public class Member {

    @Id
    public UUID id;
    @TenantId
    public String committee;
    /** Keycloak subject: the same person in every committee they belong to. */
    public String userId;
    public String username;
    public String name;
    public String gender;
    public String ethnicity;
    /** 党派: 中共, one of the eight democratic parties, or 无党派 */
    public String party;
    /** 界别 */
    public String sector;
    public String workUnit;
    public String jobTitle;
    /** 常委 */
    public boolean standingCommittee;
    /** contact, for notifications */
    public String email;
    public String mobile;
    public Instant joinedAt;
    @Version
    public long version;
}
