package org.cppcc.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cppcc.platform.time.SqlTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them published only once the broker
 * has acknowledged them (acks=all, idempotent producer). While Kafka is away rows simply wait: a 2xx
 * answer given meanwhile is not lost. Delivery is at-least-once; consumers deduplicate by event id.
 * <p>
 * One relay publishes at a time per database, however many instances of the service run (a PostgreSQL
 * advisory lock held by the batch's transaction), so one aggregate's events reach Kafka in the order they
 * were written. A row Kafka refuses for good (too large, invalid) is parked after {@code max-attempts}
 * tries with its error, instead of stopping every later event; operators replay it (/admin/outbox).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH = 200;
    private static final Duration RETENTION = Duration.ofDays(7);
    /** "outbox" in ASCII: the advisory lock that makes one relay active per service database. */
    public static final long RELAY_LOCK = 0x6f7574626f78L;

    /** The backlog as the relay last measured it (metrics and readiness). */
    public record Backlog(long pending, long oldestAgeSeconds, long parked) {
    }

    private record Batch(int published, UUID failedId, Exception failure) {
        static final Batch STANDBY = new Batch(0, null, null);
    }

    private final EntityManager em;
    private final Map<String, Object> kafkaConfig;
    private final Duration idlePoll;
    private final int maxAttempts;
    private final Counter published;
    private final Counter failures;
    private final Counter parkedCounter;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAge = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread worker;
    private KafkaProducer<String, String> producer;
    private long lastCleanup;
    private long lastMeasure;

    public OutboxRelay(EntityManager em, MeterRegistry metrics, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                       @ConfigProperty(name = "cppcc.outbox.poll-interval", defaultValue = "1s") Duration idlePoll,
                       @ConfigProperty(name = "cppcc.outbox.max-attempts", defaultValue = "5") int maxAttempts) {
        this.em = em;
        this.kafkaConfig = kafkaConfig;
        this.idlePoll = idlePoll;
        this.maxAttempts = maxAttempts;
        this.published = metrics.counter("cppcc.outbox.published");
        this.failures = metrics.counter("cppcc.outbox.failures");
        this.parkedCounter = metrics.counter("cppcc.outbox.parkings");
        metrics.gauge("cppcc.outbox.backlog", pending);
        metrics.gauge("cppcc.outbox.oldest.age.seconds", oldestAge);
        metrics.gauge("cppcc.outbox.parked", parked);
    }

    void start(@Observes StartupEvent ignored) {
        // the same Kafka settings as the rest of the service (kafka.*: bootstrap, TLS, SASL), then the relay's own
        Map<String, Object> p = new HashMap<>(kafkaConfig);
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

    /** Wakes the relay now (after a replay, say). */
    public void wakeUp() {
        wakeUp.release();
    }

    public boolean alive() {
        Thread t = worker;
        return running && t != null && t.isAlive();
    }

    public Backlog backlog() {
        return new Backlog(pending.get(), oldestAge.get(), parked.get());
    }

    private void loop() {
        long backoff = 0;
        while (running) {
            int sent;
            // Hibernate opens sessions only in an active request context (multi-tenancy); the relay works outside any committee
            ManagedContext requestContext = Arc.container().requestContext();
            requestContext.activate();
            try {
                measureNowAndThen();
            } catch (RuntimeException e) {
                Log.debugf("outbox backlog not measured: %s", e.getMessage());
            }
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

    /**
     * One batch in one transaction, if this instance holds the relay lock. Returns how many rows were published;
     * throws when none could be (the loop backs off).
     */
    public int relayBatch() {
        Batch b = QuarkusTransaction.requiringNew().call(() -> {
            boolean active = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, RELAY_LOCK)
                    .getSingleResult();
            if (!active) {
                return Batch.STANDBY;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, topic, message_key, payload from outbox_event "
                            + "where published_at is null and parked_at is null order by created_at, id limit " + BATCH)
                    .getResultList();
            if (rows.isEmpty()) {
                return Batch.STANDBY;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                acks.add(producer.send(new ProducerRecord<>((String) row[1], (String) row[2], (String) row[3])));
            }
            producer.flush();
            List<UUID> done = new ArrayList<>();
            UUID failedId = null;
            Exception failure = null;
            for (int i = 0; i < rows.size(); i++) {
                try {
                    acks.get(i).get(20, TimeUnit.SECONDS);
                    done.add((UUID) rows.get(i)[0]);
                } catch (Exception e) {
                    if (failure == null) {
                        failedId = (UUID) rows.get(i)[0];
                        failure = e;
                    }
                }
            }
            if (!done.isEmpty()) {
                // every acknowledged row is on Kafka: marked, so it is not sent again
                em.createNativeQuery("update outbox_event set published_at = now() where id in (:ids)").setParameter("ids", done)
                        .executeUpdate();
                published.increment(done.size());
            }
            return new Batch(done.size(), failedId, failure);
        });
        if (b.failure() != null) {
            boolean parkedNow = recordFailure(b.failedId(), b.failure());
            if (b.published() == 0 && !parkedNow) {
                throw new IllegalStateException("Kafka did not acknowledge event " + b.failedId() + ": " + message(b.failure()), b.failure());
            }
        }
        return b.published();
    }

    /**
     * Counts the failed attempt in its own transaction (so it is kept whatever happens next). A refusal Kafka
     * would repeat forever parks the row after {@code max-attempts}; a broker that is away parks nothing: rows wait.
     * Returns whether the row is now parked (then the relay goes straight on with the rows behind it).
     */
    private boolean recordFailure(UUID id, Exception failure) {
        Throwable cause = failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
        boolean permanent = !(cause instanceof RetriableException) && !(cause instanceof java.util.concurrent.TimeoutException);
        String error = cause.getClass().getSimpleName() + ": " + message(cause);
        Boolean nowParked = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> r = em.createNativeQuery("update outbox_event set attempts = attempts + 1, last_error = ?1, "
                            + "parked_at = case when ?2 and attempts + 1 >= ?3 then now() end where id = ?4 returning parked_at is not null")
                    .setParameter(1, error).setParameter(2, permanent).setParameter(3, maxAttempts).setParameter(4, id).getResultList();
            return !r.isEmpty() && Boolean.TRUE.equals(r.get(0));
        });
        if (nowParked) {
            parkedCounter.increment();
            Log.errorf("outbox event %s parked after %d attempts (replay it with POST /admin/outbox/%s/replay once fixed): %s",
                    id, maxAttempts, id, error);
        }
        return nowParked;
    }

    private static String message(Throwable t) {
        return String.valueOf(t.getMessage());
    }

    private void measureNowAndThen() {
        long now = System.currentTimeMillis();
        if (now - lastMeasure < 2_000) {
            return;
        }
        lastMeasure = now;
        Object[] r = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select count(*) filter (where parked_at is null), min(created_at) filter (where parked_at is null), "
                        + "count(*) filter (where parked_at is not null) from outbox_event where published_at is null").getSingleResult());
        pending.set(((Number) r[0]).longValue());
        Instant oldest = SqlTime.instant(r[1]);
        oldestAge.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toSeconds()));
        parked.set(((Number) r[2]).longValue());
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
