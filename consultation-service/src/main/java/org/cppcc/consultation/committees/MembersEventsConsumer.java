package org.cppcc.consultation.committees;

import org.cppcc.consultation.participation.Participants;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.contracts.MemberJoined;
import org.cppcc.platform.events.contracts.RosterEvents;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.cppcc.platform.inbox.EventProcessor;
import org.cppcc.platform.tenancy.CommitteeEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** members.events → this service's committee and roster read models. */
@ApplicationScoped
public class MembersEventsConsumer {

    private final EventProcessor events;
    private final CommitteeEvents committees;
    private final Participants roster;

    public MembersEventsConsumer(EventProcessor events, CommitteeEvents committees, Participants roster) {
        this.events = events;
        this.committees = committees;
        this.roster = roster;
    }

    @Incoming("members")
    @Blocking
    public void on(String message) {
        events.handle("consultation-service.members", message, e -> {
            if (committees.apply(e)) {
                return;
            }
            switch (e.type()) {
                // MemberChanged carries the same fields as MemberJoined
                case EventTypes.MEMBER_JOINED, EventTypes.MEMBER_CHANGED -> roster.memberJoined(e.committee(), events.data(e, MemberJoined.class));
                case EventTypes.MEMBER_LEFT -> roster.memberLeft(e.committee(), events.data(e, RosterEvents.MemberLeft.class).userId());
                default -> {
                }
            }
        });
    }
}
