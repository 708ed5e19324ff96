package org.cppcc.members.roster;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** 委员: a person's membership of one committee. */
@Entity
@Table(name = "member")
public class Member {

    public static final String ACTIVE = "ACTIVE";
    public static final String ENDED = "ENDED";
    /** Keycloak does not yet reflect this membership (account to create, role to add or remove). */
    public static final String ACCOUNT_PENDING = "PENDING";
    public static final String ACCOUNT_SYNCED = "SYNCED";

    @Id
    public UUID id;
    @TenantId
    public String committee;
    /** Keycloak subject: the same person in every committee they belong to; null until the account exists. */
    public String userId;
    public String username;
    public String name;
    public String gender;
    public String ethnicity;
    /** 党派: 中共, one of the eight democratic parties, or 无党派 */
    public String party;
    /** 界别 */
    public String sector;
    /** 专门委员会 */
    public String specialCommittee;
    public String workUnit;
    public String jobTitle;
    /** 常委 */
    public boolean standingCommittee;
    /** contact, for notifications */
    public String email;
    public String mobile;
    /** 届 served, e.g. ["第一届", "第二届"] */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> termsServed = new ArrayList<>();
    public Instant joinedAt;
    public String status = ACTIVE;
    public Instant endedAt;
    public String endReason;
    public String accountState = ACCOUNT_PENDING;
    public String accountError;
    public Instant accountSyncedAt;
    @Version
    public long version;

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
