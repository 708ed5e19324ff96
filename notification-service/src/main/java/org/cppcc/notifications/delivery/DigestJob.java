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

/** Once a day (08:00 China time by default), one e-mail per person gathering their low-priority messages. */
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

    public DigestJob(EntityManager em, Channels channels, Directory directory, Templates templates, PreferenceStore preferences, Clock clock) {
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
        @SuppressWarnings("unchecked")
        List<String> users = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select distinct user_id from delivery where status = 'DIGEST' and channel = 'EMAIL'").getResultList());
        int sent = 0;
        for (String user : users) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> digestFor(user))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                Log.warnf("digest for %s not sent (kept for the next run): %s", user, e.getMessage());
            }
        }
        return sent;
    }

    private boolean digestFor(String userId) throws Exception {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select d.id, n.title, n.body, d.committee from delivery d join notification n on n.id = d.notification_id "
                        + "where d.user_id = ?1 and d.status = 'DIGEST' and d.channel = 'EMAIL' order by n.id for update of d skip locked")
                .setParameter(1, userId).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        String email = directory.contact(userId, (String) rows.get(0)[3]).map(Directory.Contact::email).orElse(null);
        List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
        if (email == null || email.isBlank()) {
            em.createNativeQuery("update delivery set status = 'SKIPPED', last_error = 'no EMAIL address' where id in (:ids)")
                    .setParameter("ids", ids).executeUpdate();
            return false;
        }
        List<DigestItem> items = rows.stream().map(r -> new DigestItem((String) r[1], (String) r[2])).toList();
        Templates.Rendered text = templates.render(Category.DIGEST, Channel.EMAIL, preferences.of(userId).locale(),
                Map.of("count", items.size(), "items", items));
        channels.adapter(Channel.EMAIL).send(new ChannelAdapter.Outgoing("digest-" + userId + "-" + java.time.LocalDate.now(clock), userId, List.of(email), text.title(), text.body(), null));
        em.createNativeQuery("update delivery set status = 'SENT', sent_at = ?1, attempts = attempts + 1 where id in (:ids)")
                .setParameter(1, Dispatcher.ts(clock.instant())).setParameter("ids", ids).executeUpdate();
        return true;
    }
}
