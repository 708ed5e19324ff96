package org.cppcc.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them published only once the broker
 * has acknowledged them (acks=all, idempotent producer). While Kafka is away rows simply wait: a 2xx
 * answer given meanwhile is not lost. Delivery is at-least-once; consumers deduplicate by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH = 200;
    private static final Duration RETENTION = Duration.ofDays(7);

    private final EntityManager em;
    private final String bootstrapServers;
    private final Duration idlePoll;
    private final Counter published;
    private final Counter failures;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;
    private long lastCleanup;

    public OutboxRelay(EntityManager em, MeterRegistry metrics,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "cppcc.outbox.poll-interval", defaultValue = "1s") Duration idlePoll) {
        this.em = em;
        this.bootstrapServers = bootstrapServers;
        this.idlePoll = idlePoll;
        this.published = metrics.counter("cppcc.outbox.published");
        this.failures = metrics.counter("cppcc.outbox.failures");
    }

    void start(@Observes StartupEvent ignored) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // fail fast while the broker is down, so the relay backs off instead of hanging
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(p);
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (worker != null) {
            worker.join(10_000);
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten ignored) {
        wakeUp.release();
    }

    private void loop() {
        long backoff = 0;
        while (running) {
            int sent;
            // Hibernate opens sessions only in an active request context (multi-tenancy); the relay works outside any committee
            ManagedContext requestContext = Arc.container().requestContext();
            requestContext.activate();
            try {
                sent = relayBatch();
                backoff = 0;
                cleanupNowAndThen();
            } catch (RuntimeException e) {
                failures.increment();
                backoff = Math.min(backoff == 0 ? 500 : backoff * 2, 10_000);
                Log.warnf("outbox relay could not publish (retrying in %d ms): %s", backoff, e.getMessage());
                sent = 0;
            } finally {
                requestContext.terminate();
            }
            if (sent == BATCH && backoff == 0) {
                continue;
            }
            try {
                wakeUp.tryAcquire(backoff > 0 ? backoff : idlePoll.toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One batch in one transaction; rows are locked so that two relays never publish the same row twice at once. */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, topic, message_key, payload from outbox_event "
                            + "where published_at is null order by created_at, id limit " + BATCH + " for update skip locked")
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                acks.add(producer.send(new ProducerRecord<>((String) row[1], (String) row[2], (String) row[3])));
            }
            producer.flush();
            List<UUID> done = new ArrayList<>();
            RuntimeException failure = null;
            for (int i = 0; i < rows.size(); i++) {
                try {
                    acks.get(i).get(20, TimeUnit.SECONDS);
                    done.add((UUID) rows.get(i)[0]);
                } catch (Exception e) {
                    // keep order: everything after the first failure is retried with it
                    failure = new IllegalStateException("Kafka did not acknowledge event " + rows.get(i)[0] + ": " + e.getMessage(), e);
                    em.createNativeQuery("update outbox_event set attempts = attempts + 1, last_error = ?1 where id = ?2")
                            .setParameter(1, String.valueOf(e.getMessage())).setParameter(2, rows.get(i)[0]).executeUpdate();
                    break;
                }
            }
            if (!done.isEmpty()) {
                em.createNativeQuery("update outbox_event set published_at = now() where id in (:ids)")
                        .setParameter("ids", done).executeUpdate();
                published.increment(done.size());
            }
            if (failure != null && done.isEmpty()) {
                throw failure;
            }
            return done.size();
        });
    }

    private void cleanupNowAndThen() {
        long now = System.currentTimeMillis();
        if (now - lastCleanup < Duration.ofHours(1).toMillis()) {
            return;
        }
        lastCleanup = now;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from outbox_event where published_at < now() - make_interval(days => ?1)")
                .setParameter(1, (int) RETENTION.toDays()).executeUpdate());
    }
}
