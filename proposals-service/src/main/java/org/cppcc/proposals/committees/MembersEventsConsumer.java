package org.cppcc.proposals.committees;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.contracts.MemberJoined;
import org.cppcc.platform.events.contracts.RosterEvents;
import org.cppcc.platform.inbox.EventProcessor;
import org.cppcc.platform.tenancy.CommitteeEvents;
import org.cppcc.proposals.joint.Cosigners;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** members.events → this service's committee and roster read models. */
@ApplicationScoped
public class MembersEventsConsumer {

    private final EventProcessor events;
    private final CommitteeEvents committees;
    private final Cosigners roster;

    public MembersEventsConsumer(EventProcessor events, CommitteeEvents committees, Cosigners roster) {
        this.events = events;
        this.committees = committees;
        this.roster = roster;
    }

    @Incoming("members")
    @Blocking
    public void on(String message) {
        events.handle("proposals-service.members", message, e -> {
            if (committees.apply(e)) {
                return;
            }
            switch (e.type()) {
                // MemberChanged carries the same fields as MemberJoined: the newest state replaces the row
                case EventTypes.MEMBER_JOINED, EventTypes.MEMBER_CHANGED -> roster.memberJoined(e.committee(), events.data(e, MemberJoined.class));
                case EventTypes.MEMBER_LEFT -> roster.memberLeft(e.committee(), events.data(e, RosterEvents.MemberLeft.class).userId());
                default -> {
                }
            }
        });
    }
}
