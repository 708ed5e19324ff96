package org.cppcc.members.roster;

import jakarta.enterprise.context.ApplicationScoped;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.Topics;
import org.cppcc.platform.events.contracts.MemberJoined;
import org.cppcc.platform.events.contracts.RosterEvents;
import org.cppcc.platform.outbox.Outbox;

/**
 * Roster events, written to the outbox in the caller's transaction. A member without a Keycloak identity
 * yet is not announced: other services key people by user id, so they hear of the member once it is linked.
 */
@ApplicationScoped
public class RosterEventsPublisher {

    private final Outbox outbox;

    public RosterEventsPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void joined(Member m) {
        if (m.userId != null && m.active()) {
            outbox.publish(Topics.MEMBERS, EventTypes.MEMBER_JOINED, m.committee, m.id.toString(),
                    new MemberJoined(m.id.toString(), m.userId, m.username, m.name, m.sector, m.email, m.mobile));
        }
    }

    public void changed(Member m) {
        if (m.userId != null && m.active()) {
            outbox.publish(Topics.MEMBERS, EventTypes.MEMBER_CHANGED, m.committee, m.id.toString(),
                    new RosterEvents.MemberChanged(m.id.toString(), m.userId, m.username, m.name, m.sector, m.email, m.mobile));
        }
    }

    public void left(Member m) {
        if (m.userId != null) {
            outbox.publish(Topics.MEMBERS, EventTypes.MEMBER_LEFT, m.committee, m.id.toString(),
                    new RosterEvents.MemberLeft(m.id.toString(), m.userId, m.username, m.endReason));
        }
    }
}
