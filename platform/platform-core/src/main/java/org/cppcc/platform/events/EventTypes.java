package org.cppcc.platform.events;

/** The event catalogue (docs/events.md describes each payload). */
public final class EventTypes {

    public static final String COMMITTEE_REGISTERED = "org.cppcc.members.CommitteeRegistered.v1";
    public static final String MEMBER_JOINED = "org.cppcc.members.MemberJoined.v1";
    public static final String MEMBER_CHANGED = "org.cppcc.members.MemberChanged.v1";
    public static final String MEMBER_LEFT = "org.cppcc.members.MemberLeft.v1";
    /** 督办: the committee's leaders (主席, 副主席) and special committees, each a full list, keyed by committee. */
    public static final String LEADERS_CHANGED = "org.cppcc.members.LeadersChanged.v1";
    public static final String SPECIAL_COMMITTEES_CHANGED = "org.cppcc.members.SpecialCommitteesChanged.v1";
    public static final String MEMBER_INACTIVITY_WARNED = "org.cppcc.members.InactivityWarned.v1";
    public static final String PROPOSAL_SUBMITTED = "org.cppcc.proposals.ProposalSubmitted.v1";
    public static final String PROPOSAL_REGISTERED = "org.cppcc.proposals.ProposalRegistered.v1";
    public static final String PROPOSAL_NOT_REGISTERED = "org.cppcc.proposals.ProposalNotRegistered.v1";
    public static final String PROPOSAL_RETURNED = "org.cppcc.proposals.ProposalReturned.v1";
    public static final String PROPOSAL_COSIGN_INVITED = "org.cppcc.proposals.CosignInvited.v1";
    public static final String PROPOSAL_COSIGN_ANSWERED = "org.cppcc.proposals.CosignAnswered.v1";
    public static final String PROPOSAL_MERGED = "org.cppcc.proposals.ProposalMerged.v1";
    public static final String PROPOSAL_RETURN_REQUESTED = "org.cppcc.proposals.ReturnRequested.v1";
    public static final String PROPOSAL_REASSIGNED = "org.cppcc.proposals.ProposalReassigned.v1";
    public static final String PROPOSAL_WITHDRAWN = "org.cppcc.proposals.ProposalWithdrawn.v1";
    public static final String PROPOSAL_ASSIGNED = "org.cppcc.proposals.ProposalAssigned.v1";
    public static final String PROPOSAL_REPLIED = "org.cppcc.proposals.ProposalReplied.v1";
    public static final String PROPOSAL_FEEDBACK_GIVEN = "org.cppcc.proposals.FeedbackGiven.v1";
    public static final String PROPOSAL_MARKED_KEY = "org.cppcc.proposals.ProposalMarkedKey.v1";
    public static final String PROPOSAL_MARKED_EXCELLENT = "org.cppcc.proposals.ProposalMarkedExcellent.v1";
    public static final String OPINION_REPORT_SUBMITTED = "org.cppcc.proposals.OpinionReportSubmitted.v1";
    public static final String OPINION_REPORT_ADOPTED = "org.cppcc.proposals.OpinionReportAdopted.v1";
    public static final String OPINION_REPORT_INSTRUCTED = "org.cppcc.proposals.OpinionReportInstructed.v1";
    public static final String OPINION_REPORT_INCLUDED = "org.cppcc.proposals.OpinionReportIncluded.v1";
    public static final String CULTIVATION_RECOMMENDED = "org.cppcc.proposals.CultivationRecommended.v1";
    public static final String CULTIVATION_ADOPTED = "org.cppcc.proposals.CultivationAdopted.v1";
    public static final String CULTIVATION_DECLINED = "org.cppcc.proposals.CultivationDeclined.v1";
    public static final String CLUE_POSTED = "org.cppcc.proposals.CluePosted.v1";
    public static final String CLUE_TAKEN = "org.cppcc.proposals.ClueTaken.v1";
    public static final String CLUE_PROPOSAL_SUBMITTED = "org.cppcc.proposals.ClueProposalSubmitted.v1";
    public static final String CLUE_CLOSED = "org.cppcc.proposals.ClueClosed.v1";
    public static final String CULTIVATION_PROGRESSED = "org.cppcc.proposals.CultivationProgressed.v1";
    public static final String PROPOSAL_PUBLISHED = "org.cppcc.proposals.ProposalPublished.v1";
    public static final String PROPOSAL_ARCHIVED = "org.cppcc.proposals.ProposalArchived.v1";
    public static final String PROPOSAL_SUPERVISED = "org.cppcc.proposals.ProposalSupervised.v1";
    public static final String EXTENSION_REQUESTED = "org.cppcc.proposals.ExtensionRequested.v1";
    public static final String EXTENSION_DECIDED = "org.cppcc.proposals.ExtensionDecided.v1";
    public static final String LETTER_FORWARDED = "org.cppcc.proposals.LetterForwarded.v1";
    public static final String HANDLING_UNIT_REGISTERED = "org.cppcc.proposals.HandlingUnitRegistered.v1";
    public static final String CONSULTATION_ACTIVITY_SCHEDULED = "org.cppcc.consultations.ActivityScheduled.v1";
    public static final String CONSULTATION_ACTIVITY_CANCELLED = "org.cppcc.consultations.ActivityCancelled.v1";
    public static final String CONSULTATION_ACTIVITY_RESCHEDULED = "org.cppcc.consultations.ActivityRescheduled.v1";
    public static final String CONSULTATION_PLAN_PUBLISHED = "org.cppcc.consultations.PlanPublished.v1";
    public static final String CONSULTATION_INVITATION_ANSWERED = "org.cppcc.consultations.InvitationAnswered.v1";
    public static final String CONSULTATION_OPINION_RAISED = "org.cppcc.consultations.OpinionRaised.v1";
    public static final String CONSULTATION_OPINION_ADOPTED = "org.cppcc.consultations.OpinionAdopted.v1";
    public static final String CONSULTATION_OPINION_TRANSFORMED = "org.cppcc.consultations.OpinionTransformed.v1";
    public static final String CONSULTATION_OPINION_FEEDBACK = "org.cppcc.consultations.OpinionFeedback.v1";
    public static final String CONSULTATION_REPORT_INSTRUCTED = "org.cppcc.consultations.ReportInstructed.v1";
    public static final String CONSULTATION_PARTICIPATION_CORRECTED = "org.cppcc.consultations.ParticipationCorrected.v1";
    public static final String CONSULTATION_PARTICIPATION_RECORDED = "org.cppcc.consultations.ParticipationRecorded.v1";

    private EventTypes() {
    }
}
