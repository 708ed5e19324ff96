package org.cppcc.platform.events.contracts;

/** A person became a member (委员) of a committee. userId is the Keycloak subject: one identity across committees. */
public record MemberJoined(String memberId, String userId, String username, String name, String sector) {
}
