package org.cppcc.platform.events;

/** The event catalogue (docs/events.md describes each payload). */
public final class EventTypes {

    public static final String COMMITTEE_REGISTERED = "org.cppcc.members.CommitteeRegistered.v1";
    public static final String MEMBER_JOINED = "org.cppcc.members.MemberJoined.v1";
    public static final String PROPOSAL_SUBMITTED = "org.cppcc.proposals.ProposalSubmitted.v1";
    public static final String HANDLING_UNIT_REGISTERED = "org.cppcc.proposals.HandlingUnitRegistered.v1";
    public static final String CONSULTATION_ACTIVITY_SCHEDULED = "org.cppcc.consultations.ActivityScheduled.v1";
    public static final String CONSULTATION_ACTIVITY_CANCELLED = "org.cppcc.consultations.ActivityCancelled.v1";

    private EventTypes() {
    }
}
