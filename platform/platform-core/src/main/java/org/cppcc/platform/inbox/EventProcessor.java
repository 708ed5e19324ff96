package org.cppcc.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.cppcc.platform.events.EventEnvelope;
import org.cppcc.platform.tenancy.CommitteeContext;

import java.util.function.Consumer;

/**
 * Runs a consumer's effect for one event exactly once: in one new transaction, with the event's committee
 * as the tenant (so tenant-scoped entities are written to and read from that committee only).
 */
@ApplicationScoped
public class EventProcessor {

    private final Inbox inbox;
    private final ObjectMapper json;
    private final CommitteeContext committee;

    public EventProcessor(Inbox inbox, ObjectMapper json, CommitteeContext committee) {
        this.inbox = inbox;
        this.json = json;
        this.committee = committee;
    }

    public EventEnvelope parse(String message) {
        try {
            EventEnvelope e = json.readValue(message, EventEnvelope.class);
            if (e.id() == null || e.type() == null) {
                throw new IllegalArgumentException("not a CloudEvent: no id or type");
            }
            return e;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a CloudEvent: " + e.getOriginalMessage(), e);
        }
    }

    public <T> T data(EventEnvelope event, Class<T> type) {
        try {
            return json.treeToValue(event.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad data in " + event.type() + " " + event.id() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses a message and runs the effect once, retrying a failing effect a few times; if it still fails
     * the exception propagates and the messaging layer moves the message to the consumer's dead-letter topic.
     */
    public void handle(String consumer, String message, Consumer<EventEnvelope> effect) {
        EventEnvelope event = parse(message);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                once(consumer, event, effect);
                return;
            } catch (RuntimeException e) {
                last = e;
                io.quarkus.logging.Log.warnf("%s failed on event %s (%s), attempt %d: %s", consumer, event.id(), event.type(), attempt, e.getMessage());
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw last;
    }

    /** @return true if the effect ran, false if this consumer had already processed the event. */
    @ActivateRequestContext
    public boolean once(String consumer, EventEnvelope event, Consumer<EventEnvelope> effect) {
        if (event.committee() != null) {
            committee.enterForEvent(event.committee());
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!inbox.firstDelivery(consumer, event.id())) {
                return false;
            }
            effect.accept(event);
            return true;
        });
    }
}
