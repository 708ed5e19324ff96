package org.cppcc.platform.events.contracts;

/**
 * Roster changes after {@link MemberJoined}: consumers keep their read models (roster, contacts) in step.
 * Each carries the member's whole current state, so applying the newest one is enough.
 */
public final class RosterEvents {

    private RosterEvents() {
    }

    /** Profile or contact changed (also sent when a member's Keycloak account is first linked). */
    public record MemberChanged(String memberId, String userId, String username, String name, String sector, String email,
                                String mobile) {
    }

    /** Membership of this committee ended (term over, resigned, removed); the person may stay in other committees. */
    public record MemberLeft(String memberId, String userId, String username, String reason) {
    }
}
