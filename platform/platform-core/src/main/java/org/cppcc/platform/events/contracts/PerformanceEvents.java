package org.cppcc.platform.events.contracts;

/** members.events about members' duty performance (履职). */
public final class PerformanceEvents {

    private PerformanceEvents() {
    }

    /** Staff warned a member who has nothing recorded for the committee's inactivity period. */
    public record InactivityWarned(String memberId, String userId, String name, long daysWithoutActivity) {
    }
}
