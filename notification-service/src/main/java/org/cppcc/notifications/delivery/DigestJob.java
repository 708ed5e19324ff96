package org.cppcc.notifications.delivery;

import org.cppcc.platform.tenancy.AcrossCommittees;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.TemplateData;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import org.cppcc.notifications.directory.Directory;
import org.cppcc.notifications.preferences.PreferenceStore;
import org.cppcc.notifications.routing.Category;
import org.cppcc.notifications.templates.Templates;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Once a day (08:00 China time by default), one e-mail per person gathering their low-priority messages. Like
 * the dispatcher, it sends outside any transaction: claim the person's waiting items (BUNDLING, with a lease),
 * send with a key the provider de-duplicates on (one digest per person and day), then record; a failed send
 * puts them back for the next run, and so does a claim whose lease ran out (the service stopped mid-send).
 */
@ApplicationScoped
public class DigestJob {

    @TemplateData
    public record DigestItem(String title, String body) {
    }

    private final EntityManager em;
    private final Channels channels;
    private final Directory directory;
    private final Templates templates;
    private final PreferenceStore preferences;
    private final Clock clock;
    private final java.time.Duration lease;

    private record Claim(List<UUID> ids, String email, Templates.Rendered text) {
    }

    public DigestJob(EntityManager em, Channels channels, Directory directory, Templates templates, PreferenceStore preferences, Clock clock,
                     @org.eclipse.microprofile.config.inject.ConfigProperty(name = "cppcc.notify.send-lease", defaultValue = "2m")
                     java.time.Duration lease) {
        this.lease = lease;
        this.em = em;
        this.channels = channels;
        this.directory = directory;
        this.templates = templates;
        this.preferences = preferences;
        this.clock = clock;
    }

    @Scheduled(cron = "${cppcc.notify.digest-cron:0 0 8 * * ?}", timeZone = "Asia/Shanghai", identity = "digest")
    @ActivateRequestContext
    void daily() {
        sendDigests();
    }

    /** Sends every pending digest now; returns how many people got one. */
    @AcrossCommittees("one digest per person, from all their committees")
    @ActivateRequestContext
    public int sendDigests() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update delivery set status = 'DIGEST', lease_until = null, "
                + "last_error = 'interrupted while sending the digest' where status = 'BUNDLING' and lease_until < ?1")
                .setParameter(1, Dispatcher.ts(clock.instant())).executeUpdate());
        @SuppressWarnings("unchecked")
        List<String> users = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select distinct user_id from delivery where status = 'DIGEST' and channel = 'EMAIL'").getResultList());
        int sent = 0;
        for (String user : users) {
            Claim claim = QuarkusTransaction.requiringNew().call(() -> claim(user));
            if (claim == null) {
                continue;
            }
            try {
                channels.adapter(Channel.EMAIL).send(new ChannelAdapter.Outgoing("digest-" + user + "-" + java.time.LocalDate.now(clock), user,
                        List.of(claim.email()), claim.text().title(), claim.text().body(), null));
            } catch (Exception e) {
                Log.warnf("digest for %s not sent (kept for the next run): %s", user, e.getMessage());
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update delivery set status = 'DIGEST', lease_until = null, "
                                + "attempts = attempts + 1, last_error = 'the e-mail server did not take the digest' where id in (:ids) and status = 'BUNDLING'")
                        .setParameter("ids", claim.ids()).executeUpdate());
                continue;
            }
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update delivery set status = 'SENT', sent_at = ?1, lease_until = null, "
                            + "attempts = attempts + 1 where id in (:ids) and status = 'BUNDLING'")
                    .setParameter(1, Dispatcher.ts(clock.instant())).setParameter("ids", claim.ids()).executeUpdate());
            sent++;
        }
        return sent;
    }

    /** Takes a person's waiting items into a digest (BUNDLING, leased), rendered; null when there is nothing to send. */
    private Claim claim(String userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select d.id, n.title, n.body, d.committee from delivery d join notification n on n.id = d.notification_id "
                        + "where d.user_id = ?1 and d.status = 'DIGEST' and d.channel = 'EMAIL' order by n.id for update of d skip locked")
                .setParameter(1, userId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        String email = directory.contact(userId, (String) rows.get(0)[3]).map(Directory.Contact::email).orElse(null);
        List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
        if (email == null || email.isBlank()) {
            em.createNativeQuery("update delivery set status = 'SKIPPED', last_error = 'no EMAIL address' where id in (:ids)")
                    .setParameter("ids", ids).executeUpdate();
            return null;
        }
        List<DigestItem> items = rows.stream().map(r -> new DigestItem((String) r[1], (String) r[2])).toList();
        Templates.Rendered text = templates.render(Category.DIGEST, Channel.EMAIL, preferences.of(userId).locale(),
                Map.of("count", items.size(), "items", items));
        em.createNativeQuery("update delivery set status = 'BUNDLING', claimed_at = ?1, lease_until = ?2 where id in (:ids)")
                .setParameter(1, Dispatcher.ts(clock.instant())).setParameter(2, Dispatcher.ts(clock.instant().plus(lease)))
                .setParameter("ids", ids).executeUpdate();
        return new Claim(ids, email, text);
    }
}
