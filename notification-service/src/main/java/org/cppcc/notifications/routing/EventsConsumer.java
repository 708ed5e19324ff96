package org.cppcc.notifications.routing;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.cppcc.platform.inbox.EventProcessor;
import org.cppcc.platform.tenancy.CommitteeEvents;
import org.cppcc.platform.tenancy.ParentDeployment;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Every topic this service listens to; each event is routed once (the inbox of processed event ids). */
@ApplicationScoped
public class EventsConsumer {

    private final EventProcessor events;
    private final NotificationRouter router;
    private final CommitteeEvents committees;
    private final ParentDeployment deployment;

    public EventsConsumer(EventProcessor events, NotificationRouter router, CommitteeEvents committees, ParentDeployment deployment) {
        this.events = events;
        this.router = router;
        this.committees = committees;
        this.deployment = deployment;
    }

    @Incoming("proposals")
    @Blocking
    public void proposals(String message) {
        events.handle("notification-service.proposals", message, router::route);
    }

    @Incoming("consultations")
    @Blocking
    public void consultations(String message) {
        events.handle("notification-service.consultations", message, router::route);
    }

    /**
     * 四级联动: each event belongs to the committee it informs (the parent of a recommendation, the recommender of a
     * decision); ours and a peer deployment's (ADR 0012). News for a committee another deployment hosts is its to tell.
     */
    @Incoming("cultivation")
    @Blocking
    public void cultivation(String message) {
        events.handle("notification-service.cultivation", message, event -> {
            if (deployment.hosts(event.committee())) {
                router.route(event);
            }
        });
    }

    @Incoming("members")
    @Blocking
    public void members(String message) {
        events.handle("notification-service.members", message, e -> {
            if (!committees.apply(e)) {
                router.route(e);
            }
        });
    }
}
