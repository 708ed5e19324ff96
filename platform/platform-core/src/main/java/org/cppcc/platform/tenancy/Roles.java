package org.cppcc.platform.tenancy;

/**
 * Roles are held in a committee (Keycloak: a role subgroup under the committee's group), except
 * platform-admin, a realm role of the platform operator.
 */
public final class Roles {

    /** 委员 */
    public static final String MEMBER = "member";
    /** 提案委/机关 proposal-office staff */
    public static final String PROPOSAL_OFFICE = "proposal-office";
    /** 承办单位 handling-unit officer */
    public static final String HANDLING_UNIT = "handling-unit";
    /** 协商 consultation office staff */
    public static final String CONSULTATION_OFFICE = "consultation-office";
    /** 主席/副主席 committee leader */
    public static final String LEADER = "leader";
    /** committee administrator (roster, settings) */
    public static final String COMMITTEE_ADMIN = "committee-admin";
    /**
     * Not a Keycloak role: what a request holds in a committee it reads from above (SupervisionFromAbove),
     * on an endpoint marked SupervisedFromAbove.
     */
    public static final String SUPERVISOR = "supervisor-from-above";
    /** platform operator */
    public static final String PLATFORM_ADMIN = "platform-admin";

    private Roles() {
    }
}
