package org.cppcc.members.roster;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 委员: a person's membership of one committee. Updates write only the columns that changed, so the account
 * sync's bookkeeping (written beside the entity, without a new version) and staff edits never overwrite
 * each other; the version stands for the profile staff edit (If-Match).
 */
@Entity
@DynamicUpdate
@Table(name = "member")
public class Member {

    public static final String ACTIVE = "ACTIVE";
    public static final String ENDED = "ENDED";
    /** Keycloak does not yet reflect this membership (account to create, role to add or remove). */
    public static final String ACCOUNT_PENDING = "PENDING";
    public static final String ACCOUNT_SYNCED = "SYNCED";
    /** the username belongs to an account outside the committee: not linked (only a platform administrator may) */
    public static final String ACCOUNT_REJECTED = "REJECTED";

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
    @Convert(converter = TermsConverter.class)
    public List<String> termsServed = new ArrayList<>();
    public Instant joinedAt;
    public String status = ACTIVE;
    public Instant endedAt;
    public String endReason;
    public String accountState = ACCOUNT_PENDING;
    /** added while Keycloak could not answer the ownership check: the sync applies it before linking */
    public boolean accountCheckDeferred;
    public String accountError;
    public Instant accountSyncedAt;
    @Version
    public long version;

    public boolean active() {
        return ACTIVE.equals(status);
    }

    /**
     * Terms served as one text column. (A JSON column made Hibernate see the member as changed on every flush,
     * which bumped its version and broke If-Match for the staff who had read it.)
     */
    @Converter
    public static class TermsConverter implements AttributeConverter<List<String>, String> {

        @Override
        public String convertToDatabaseColumn(List<String> terms) {
            return terms == null ? "" : String.join(";", terms);
        }

        @Override
        public List<String> convertToEntityAttribute(String column) {
            return column == null || column.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(column.split(";")));
        }
    }
}
