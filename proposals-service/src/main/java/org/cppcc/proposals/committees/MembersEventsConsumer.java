package org.cppcc.proposals.committees;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.cppcc.platform.inbox.EventProcessor;
import org.cppcc.platform.roster.MemberRoster;
import org.cppcc.platform.tenancy.CommitteeEvents;
import org.cppcc.proposals.supervision.Supervisors;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** members.events → this service's committee, roster and supervisor read models. */
@ApplicationScoped
public class MembersEventsConsumer {

    private final EventProcessor events;
    private final CommitteeEvents committees;
    private final MemberRoster roster;
    private final Supervisors supervisors;

    public MembersEventsConsumer(EventProcessor events, CommitteeEvents committees, MemberRoster roster, Supervisors supervisors) {
        this.supervisors = supervisors;
        this.events = events;
        this.committees = committees;
        this.roster = roster;
    }

    @Incoming("members")
    @Blocking
    public void on(String message) {
        events.handle("proposals-service.members", message, e -> {
            if (!committees.apply(e) && !roster.apply(e)) {
                supervisors.apply(e);
            }
        });
    }
}
