package org.cppcc.members.performance;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.cppcc.platform.inbox.EventProcessor;
import org.cppcc.platform.tenancy.ParentDeployment;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** What members did in the other services → 履职 entries, once per event (each topic its own inbox consumer). */
@ApplicationScoped
public class PerformanceEventsConsumer {

    private final EventProcessor events;
    private final PerformanceRecorder recorder;
    private final ParentDeployment deployment;

    public PerformanceEventsConsumer(EventProcessor events, PerformanceRecorder recorder, ParentDeployment deployment) {
        this.events = events;
        this.recorder = recorder;
        this.deployment = deployment;
    }

    /**
     * 四级联动: an adoption upward is news for the recommending committee, where the original author's record is —
     * when that committee is hosted here (a hop from another deployment is that deployment's to record).
     */
    @Incoming("cultivation")
    @Blocking
    public void onCultivation(String message) {
        events.handle("members-service.cultivation", message, event -> {
            if (deployment.hosts(event.committee())) {
                recorder.record(event);
            }
        });
    }

    @Incoming("proposals")
    @Blocking
    public void onProposals(String message) {
        events.handle("members-service.proposals", message, recorder::record);
    }

    /** Invited, attended, absent, spoke; research and inspections. */
    @Incoming("consultations")
    @Blocking
    public void onConsultations(String message) {
        events.handle("members-service.consultations", message, recorder::record);
    }
}
