package org.cppcc.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cppcc.platform.events.EventEnvelope;
import org.cppcc.platform.ids.Ids;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Transactional outbox: an event is a row written in the caller's transaction, so it commits or rolls
 * back with the state change it describes. {@link OutboxRelay} publishes committed rows to Kafka.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Event<OutboxWritten> written;
    private final String source;

    public Outbox(EntityManager em, ObjectMapper json, Event<OutboxWritten> written,
                  @ConfigProperty(name = "quarkus.application.name") String application) {
        this.em = em;
        this.json = json;
        this.written = written;
        this.source = "/cppcc/" + application;
    }

    /**
     * Records an event about one aggregate; its id is the Kafka key, so one aggregate's events keep their order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String topic, String type, String committee, String aggregateId, Object data) {
        Instant now = Instant.now();
        EventEnvelope event = new EventEnvelope(EventEnvelope.SPEC_VERSION, Ids.newId().toString(), source, type,
                aggregateId, now, EventEnvelope.JSON, committee, json.valueToTree(data));
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serialisable: " + type, e);
        }
        em.createNativeQuery("insert into outbox_event (id, topic, message_key, type, committee, payload, created_at) "
                        + "values (cast(?1 as uuid), ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, event.id())
                .setParameter(2, topic)
                .setParameter(3, aggregateId)
                .setParameter(4, type)
                .setParameter(5, committee)
                .setParameter(6, payload)
                .setParameter(7, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate();
        written.fire(new OutboxWritten());
        return event;
    }

    /** Fired when an event row is written; the relay wakes up once the transaction commits. */
    public record OutboxWritten() {
    }
}
