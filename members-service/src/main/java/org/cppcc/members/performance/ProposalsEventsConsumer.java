package org.cppcc.members.performance;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.cppcc.platform.inbox.EventProcessor;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ProposalsEventsConsumer {

    private final EventProcessor events;
    private final PerformanceRecorder recorder;

    public ProposalsEventsConsumer(EventProcessor events, PerformanceRecorder recorder) {
        this.events = events;
        this.recorder = recorder;
    }

    @Incoming("proposals")
    @Blocking
    public void on(String message) {
        events.handle("members-service.proposals", message, recorder::record);
    }
}
