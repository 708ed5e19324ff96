package org.cppcc.members.performance;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.cppcc.platform.inbox.EventProcessor;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** consultations.events → 履职 entries (invited, attended, absent, spoke, research and inspections). */
@ApplicationScoped
public class ConsultationsEventsConsumer {

    private final EventProcessor events;
    private final PerformanceRecorder recorder;

    public ConsultationsEventsConsumer(EventProcessor events, PerformanceRecorder recorder) {
        this.events = events;
        this.recorder = recorder;
    }

    @Incoming("consultations")
    @Blocking
    public void on(String message) {
        events.handle("members-service.consultations", message, recorder::record);
    }
}
