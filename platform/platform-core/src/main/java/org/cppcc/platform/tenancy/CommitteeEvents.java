package org.cppcc.platform.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import org.cppcc.platform.events.EventEnvelope;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.contracts.CommitteeRegistered;
import org.cppcc.platform.inbox.EventProcessor;

/** Keeps a service's committee read model in step with members-service's CommitteeRegistered events. */
@ApplicationScoped
public class CommitteeEvents {

    private final CommitteeDirectory directory;
    private final EventProcessor events;

    public CommitteeEvents(CommitteeDirectory directory, EventProcessor events) {
        this.directory = directory;
        this.events = events;
    }

    /** @return true if the event was about a committee (and has been applied). */
    public boolean apply(EventEnvelope event) {
        if (!EventTypes.COMMITTEE_REGISTERED.equals(event.type())) {
            return false;
        }
        directory.register(events.data(event, CommitteeRegistered.class));
        return true;
    }
}
