package org.cppcc.platform.events.contracts;

/**
 * A person became a member (委员) of a committee. userId is the Keycloak subject: one identity across committees.
 * email and mobile are the member's contact for notifications (either may be null).
 */
public record MemberJoined(String memberId, String userId, String username, String name, String sector, String email,
                           String mobile) {
}
