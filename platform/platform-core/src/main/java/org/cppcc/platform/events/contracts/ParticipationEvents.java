package org.cppcc.platform.events.contracts;

import java.time.Instant;

/** consultations.events: what a member did in a consultation activity, meeting, research trip or inspection. */
public final class ParticipationEvents {

    private ParticipationEvents() {
    }

    /** Kinds of participation a member can have in one activity. */
    public enum Participation { INVITED, ATTENDED, ABSENT_WITH_LEAVE, ABSENT_WITHOUT_LEAVE, SPOKE }

    /**
     * One member's participation in an activity. {@code form} is the activity's form (e.g. TOPICAL, BIMONTHLY,
     * RESEARCH, INSPECTION, PLENARY, STANDING_COMMITTEE); research and inspection count as such.
     */
    public record ParticipationRecorded(String activityId, String title, String form, String userId,
                                        Participation participation, Instant occurredAt) {
    }

    /**
     * A recorded attendance corrected by the office, with the reason: the entry for {@code from} no longer stands and
     * one for {@code to} does (members-service replaces the one with the other in the member's 履职 record).
     */
    public record ParticipationCorrected(String activityId, String title, String form, String userId, Participation from,
                                         Participation to, String reason, Instant occurredAt) {
    }
}
