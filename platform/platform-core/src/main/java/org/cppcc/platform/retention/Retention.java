package org.cppcc.platform.retention;

import org.cppcc.platform.tenancy.AcrossCommittees;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Bookkeeping rows are kept as long as they serve, then deleted in small batches (short transactions, no long
 * locks): processed event ids for 30 days (far beyond the 7 days Kafka keeps a topic, so any redelivery still
 * finds its id), Idempotency-Key records for 7 days (a client retries within minutes), published outbox rows
 * for 7 days (the relay prunes those). A service adds its own rules as {@link Rule} beans.
 */
@ApplicationScoped
public class Retention {

    /** Rows of a table older than a duration by a timestamp column, optionally only those matching a condition. */
    public record Rule(String table, String timestampColumn, Duration keep, String extraCondition) {
    }

    static final int BATCH = 5_000;

    private final EntityManager em;
    private final Instance<Rule> serviceRules;
    private final Duration processedEvents;
    private final Duration idempotencyKeys;

    public Retention(EntityManager em, Instance<Rule> serviceRules,
                     @ConfigProperty(name = "cppcc.retention.processed-events", defaultValue = "30d") Duration processedEvents,
                     @ConfigProperty(name = "cppcc.retention.idempotency-keys", defaultValue = "7d") Duration idempotencyKeys) {
        this.em = em;
        this.serviceRules = serviceRules;
        this.processedEvents = processedEvents;
        this.idempotencyKeys = idempotencyKeys;
    }

    public List<Rule> rules() {
        List<Rule> rules = new ArrayList<>(List.of(
                new Rule("processed_event", "processed_at", processedEvents, null),
                new Rule("idempotency_record", "created_at", idempotencyKeys, null)));
        serviceRules.forEach(rules::add);
        return rules;
    }

    @Scheduled(every = "${cppcc.retention.every:1h}", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void onSchedule() {
        pruneNow();
    }

    /** Deletes what every rule lets go; returns how many rows. */
    @AcrossCommittees("prunes old rows of every committee")
    @ActivateRequestContext
    public long pruneNow() {
        long total = 0;
        for (Rule r : rules()) {
            long deleted = 0;
            int n;
            do {
                n = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("delete from " + r.table() + " where ctid in (select ctid from "
                                + r.table() + " where " + r.timestampColumn() + " < now() - make_interval(secs => ?1)"
                                + (r.extraCondition() == null ? "" : " and (" + r.extraCondition() + ")") + " limit " + BATCH + ")")
                        .setParameter(1, (double) r.keep().toSeconds()).executeUpdate());
                deleted += n;
            } while (n == BATCH);
            if (deleted > 0) {
                Log.infof("retention: %d rows of %s older than %s deleted", deleted, r.table(), r.keep());
            }
            total += deleted;
        }
        return total;
    }
}
