package org.cppcc.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.cppcc.platform.events.EventEnvelope;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.time.temporal.ChronoUnit;

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
     * Parses a message and runs the effect once. A failing effect is retried in place with exponential backoff
     * (0.5 s doubling to 30 s, for up to 3 minutes: long enough to ride out a database restart), holding the
     * partition so that later events of the same key wait behind it. A message that cannot be understood
     * (not a CloudEvent, bad data: {@link IllegalArgumentException}) is not retried. When it still fails the
     * exception propagates and the messaging layer moves the message, with its reason, to the consumer's
     * dead-letter topic, from where operators replay it (/admin/dead-letters).
     */
    @Retry(maxRetries = 20, delay = 500, jitter = 100, maxDuration = 180, durationUnit = ChronoUnit.SECONDS,
            abortOn = IllegalArgumentException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void handle(String consumer, String message, Consumer<EventEnvelope> effect) {
        EventEnvelope event = parse(message);
        try {
            once(consumer, event, effect);
        } catch (RuntimeException e) {
            Log.warnf("%s failed on event %s (%s): %s", consumer, event.id(), event.type(), e.getMessage());
            throw e;
        }
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
