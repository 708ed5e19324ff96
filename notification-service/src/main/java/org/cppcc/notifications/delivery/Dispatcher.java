package org.cppcc.notifications.delivery;

import org.cppcc.platform.tenancy.AcrossCommittees;
import org.cppcc.platform.time.SqlTime;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import org.cppcc.notifications.directory.Directory;
import org.cppcc.notifications.preferences.PreferenceStore;
import org.cppcc.notifications.preferences.Preferences;
import org.cppcc.notifications.routing.Category;
import org.cppcc.notifications.templates.Templates;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends due deliveries, one job per channel, so a slow or failing SMS gateway never holds up e-mail or
 * push. Each delivery honours the person's choices: channel off → SKIPPED; low-priority e-mail → the daily
 * DIGEST; quiet hours → SMS and push wait until morning; SMS rate limit per person → wait. A failed send is
 * retried with exponential backoff, then FAILED (the staff's dead-letter list). Providers are called outside any
 * transaction: claim (SENDING, with a lease), send, record; a crash mid-send re-queues the claim when its lease
 * runs out, as one more attempt with the same idempotency key.
 */
@ApplicationScoped
public class Dispatcher {

    private static final int BATCH = 100;

    private final EntityManager em;
    private final Channels channels;
    private final PreferenceStore preferences;
    private final Directory directory;
    private final Templates templates;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration retryBase;
    private final int maxAttempts;
    private final SmsRateLimit smsLimit;
    private final Duration lease;

    public Dispatcher(EntityManager em, Channels channels, PreferenceStore preferences, Directory directory, Templates templates,
                      ObjectMapper json, Clock clock,
                      @ConfigProperty(name = "cppcc.notify.retry.base", defaultValue = "30s") Duration retryBase,
                      @ConfigProperty(name = "cppcc.notify.retry.max-attempts", defaultValue = "5") int maxAttempts,
                      @ConfigProperty(name = "cppcc.notify.sms.max-per-hour", defaultValue = "5") int smsPerHour,
                      @ConfigProperty(name = "cppcc.notify.send-lease", defaultValue = "2m") Duration lease) {
        this.lease = lease;
        this.em = em;
        this.channels = channels;
        this.preferences = preferences;
        this.directory = directory;
        this.templates = templates;
        this.json = json;
        this.clock = clock;
        this.retryBase = retryBase;
        this.maxAttempts = maxAttempts;
        this.smsLimit = new SmsRateLimit(smsPerHour);
    }

    @AcrossCommittees("deliveries of every committee, rate-limited per person")
    @Scheduled(every = "${cppcc.notify.dispatch-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "dispatch-email")
    @ActivateRequestContext
    void email() {
        dispatch(Channel.EMAIL);
    }

    @AcrossCommittees("deliveries of every committee, rate-limited per person")
    @Scheduled(every = "${cppcc.notify.dispatch-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "dispatch-sms")
    @ActivateRequestContext
    void sms() {
        dispatch(Channel.SMS);
    }

    @AcrossCommittees("deliveries of every committee, rate-limited per person")
    @Scheduled(every = "${cppcc.notify.dispatch-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "dispatch-push")
    @ActivateRequestContext
    void push() {
        dispatch(Channel.PUSH);
    }

    /** A delivery claimed for sending: its attempt number and what goes out. */
    private record Claimed(UUID id, int attempt, ChannelAdapter.Outgoing message) {
    }

    /**
     * Handles one batch of this channel's due deliveries; returns how many. Claims them in one short transaction,
     * calls the provider outside any transaction (a slow provider holds no database lock and no transaction can
     * time out and send everything again), then records each result in its own transaction.
     */
    @ActivateRequestContext
    public int dispatch(Channel channel) {
        Instant now = clock.instant();
        List<Claimed> claimed = new ArrayList<>();
        int handled = QuarkusTransaction.requiringNew().call(() -> {
            requeueExpired(channel, now);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select d.id, d.user_id, d.committee, d.attempts, n.category, n.data, n.link "
                            + "from delivery d join notification n on n.id = d.notification_id "
                            + "where d.channel = ?1 and d.status = 'QUEUED' and d.next_attempt_at <= ?2 "
                            + "order by d.next_attempt_at limit " + BATCH + " for update of d skip locked")
                    .setParameter(1, channel.name()).setParameter(2, ts(now)).getResultList();
            for (Object[] r : rows) {
                decide(channel, (UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                        Category.of((String) r[4]).orElse(Category.ANNOUNCEMENT), (String) r[5], (String) r[6], now).ifPresent(claimed::add);
            }
            return rows.size();
        });
        for (Claimed c : claimed) {
            send(channel, c, now);
        }
        return handled;
    }

    /** A claim whose lease ran out: the service stopped mid-send; the attempt counts, and it waits in line again. */
    private void requeueExpired(Channel channel, Instant now) {
        em.createNativeQuery("update delivery set status = case when attempts >= ?1 then 'FAILED' else 'QUEUED' end, "
                        + "last_error = 'interrupted while sending', next_attempt_at = ?2 "
                        + "where channel = ?3 and status = 'SENDING' and lease_until < ?2")
                .setParameter(1, maxAttempts).setParameter(2, ts(now)).setParameter(3, channel.name()).executeUpdate();
    }

    /** Applies the person's choices; returns the claim when the delivery is to be sent now. */
    private java.util.Optional<Claimed> decide(Channel channel, UUID id, String userId, String committee, int attempts, Category category,
                                               String data, String link, Instant now) {
        Preferences p = preferences.of(userId);
        if (!p.wants(category, channel)) {
            finish(id, DeliveryStatus.SKIPPED, "turned off by the recipient", attempts, null, now);
            return java.util.Optional.empty();
        }
        if (channel == Channel.EMAIL && p.digest(category)) {
            finish(id, DeliveryStatus.DIGEST, null, attempts, null, now);
            return java.util.Optional.empty();
        }
        if (channel != Channel.EMAIL && p.quietAt(now)) {
            deferTo(id, p.quietOverAfter(now), "quiet hours");
            return java.util.Optional.empty();
        }
        if (channel == Channel.SMS) {
            Instant allowed = smsAllowedAt(userId, now);
            if (allowed.isAfter(now)) {
                deferTo(id, allowed, "SMS rate limit");
                return java.util.Optional.empty();
            }
        }
        List<String> addresses = addresses(channel, userId, committee);
        if (addresses.isEmpty()) {
            finish(id, DeliveryStatus.SKIPPED, "no " + channel + " address", attempts, null, now);
            return java.util.Optional.empty();
        }
        Templates.Rendered text = templates.render(category, channel, p.locale(), read(data));
        em.createNativeQuery("update delivery set status = 'SENDING', attempts = attempts + 1, claimed_at = ?1, lease_until = ?2 where id = ?3")
                .setParameter(1, ts(now)).setParameter(2, ts(now.plus(lease))).setParameter(3, id).executeUpdate();
        return java.util.Optional.of(new Claimed(id, attempts + 1,
                new ChannelAdapter.Outgoing(id.toString(), userId, addresses, text.title(), text.body(), link)));
    }

    /** Sends one claimed delivery (no transaction open) and records the result in a transaction of its own. */
    private void send(Channel channel, Claimed c, Instant now) {
        String ref;
        try {
            ref = channels.adapter(channel).send(c.message());
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            Log.warnf("%s delivery %s, attempt %d, failed: %s", channel, c.id(), c.attempt(), error);
            QuarkusTransaction.requiringNew().run(() -> {
                if (c.attempt() >= maxAttempts) {
                    finishClaimed(c.id(), DeliveryStatus.FAILED, error, null, now);
                } else {
                    em.createNativeQuery("update delivery set status = 'QUEUED', last_error = ?1, next_attempt_at = ?2, lease_until = null "
                                    + "where id = ?3 and status = 'SENDING'")
                            .setParameter(1, error).setParameter(2, ts(now.plus(retryBase.multipliedBy(1L << (c.attempt() - 1)))))
                            .setParameter(3, c.id()).executeUpdate();
                }
            });
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> finishClaimed(c.id(), DeliveryStatus.SENT, null, ref, now));
    }

    private void finishClaimed(UUID id, DeliveryStatus status, String error, String ref, Instant now) {
        em.createNativeQuery("update delivery set status = ?1, last_error = ?2, provider_ref = ?3, lease_until = null, "
                        + "sent_at = case when ?1 = 'SENT' then ?4 else sent_at end where id = ?5 and status = 'SENDING'")
                .setParameter(1, status.name()).setParameter(2, error).setParameter(3, ref).setParameter(4, ts(now)).setParameter(5, id)
                .executeUpdate();
    }

    private List<String> addresses(Channel channel, String userId, String committee) {
        return switch (channel) {
            case EMAIL -> directory.contact(userId, committee).map(Directory.Contact::email).filter(s -> !s.isBlank()).stream().toList();
            case SMS -> directory.contact(userId, committee).map(Directory.Contact::mobile).filter(s -> !s.isBlank()).stream().toList();
            case PUSH -> directory.devices(userId);
            case INBOX -> List.of();
        };
    }

    private Instant smsAllowedAt(String userId, Instant now) {
        @SuppressWarnings("unchecked")
        // messages being sent right now count too
        List<Object> sent = em.createNativeQuery("select coalesce(sent_at, claimed_at) from delivery where user_id = ?1 and channel = 'SMS' "
                        + "and (sent_at > ?2 or (status = 'SENDING' and claimed_at > ?2)) order by 1").setParameter(1, userId).setParameter(2, ts(now.minus(SmsRateLimit.WINDOW))).getResultList();
        return smsLimit.allowedAt(sent.stream().map(SqlTime::instant).toList(), now);
    }

    private void deferTo(UUID id, Instant when, String why) {
        em.createNativeQuery("update delivery set next_attempt_at = ?1, last_error = ?2 where id = ?3")
                .setParameter(1, ts(when)).setParameter(2, "deferred: " + why).setParameter(3, id).executeUpdate();
    }

    private void finish(UUID id, DeliveryStatus status, String error, int attempts, String ref, Instant now) {
        em.createNativeQuery("update delivery set status = ?1, last_error = ?2, attempts = ?3, provider_ref = ?4, "
                        + "sent_at = case when ?1 = 'SENT' then ?5 else sent_at end where id = ?6")
                .setParameter(1, status.name()).setParameter(2, error).setParameter(3, attempts).setParameter(4, ref)
                .setParameter(5, ts(now)).setParameter(6, id).executeUpdate();
    }

    private Map<String, Object> read(String data) {
        try {
            return data == null ? Map.of() : json.readValue(data, new TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            return Map.of();
        }
    }

    static OffsetDateTime ts(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

}
