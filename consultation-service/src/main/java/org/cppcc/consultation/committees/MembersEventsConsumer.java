package org.cppcc.consultation.committees;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.cppcc.platform.inbox.EventProcessor;
import org.cppcc.platform.tenancy.CommitteeEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** members.events → this service's committee read model. */
@ApplicationScoped
public class MembersEventsConsumer {

    private final EventProcessor events;
    private final CommitteeEvents committees;

    public MembersEventsConsumer(EventProcessor events, CommitteeEvents committees) {
        this.events = events;
        this.committees = committees;
    }

    @Incoming("members")
    @Blocking
    public void on(String message) {
        events.handle("consultation-service.members", message, committees::apply);
    }
}
