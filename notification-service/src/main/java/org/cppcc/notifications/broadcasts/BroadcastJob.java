package org.cppcc.notifications.broadcasts;

import org.cppcc.platform.tenancy.AcrossCommittees;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import org.cppcc.notifications.directory.Directory;
import org.cppcc.notifications.inbox.Notifications;
import org.cppcc.notifications.routing.Category;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fans announcements out to members' inboxes, a batch per transaction, on its own schedule, so that a
 * committee of thousands never holds up the event consumers or other broadcasts for long.
 */
@ApplicationScoped
public class BroadcastJob {

    private final EntityManager em;
    private final Directory directory;
    private final Notifications notifications;
    private final int batch;

    public BroadcastJob(EntityManager em, Directory directory, Notifications notifications,
                        @ConfigProperty(name = "cppcc.notify.broadcast.batch", defaultValue = "500") int batch) {
        this.em = em;
        this.directory = directory;
        this.notifications = notifications;
        this.batch = batch;
    }

    @AcrossCommittees("broadcasts of every committee")
    @Scheduled(every = "${cppcc.notify.broadcast-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "broadcasts")
    @ActivateRequestContext
    void scheduled() {
        while (fanOutNextBatch()) {
            // keep going while there is work; each batch commits on its own
        }
    }

    /** One batch of one unfinished broadcast; false when there is nothing to do. */
    @ActivateRequestContext
    public boolean fanOutNextBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> open = em.createNativeQuery("select id, committee, title, body, last_user from broadcast "
                    + "where status in ('PENDING', 'SENDING') order by created_at limit 1 for update skip locked").getResultList();
            if (open.isEmpty()) {
                return false;
            }
            Object[] b = open.get(0);
            UUID id = (UUID) b[0];
            String committee = (String) b[1];
            List<Directory.Contact> members = directory.members(committee, (String) b[4], batch);
            notifications.createForEach(committee, "broadcast:" + id, Category.ANNOUNCEMENT, Map.of("title", b[2], "body", b[3]),
                    "/committees/" + committee + "/broadcasts/" + id, members);
            String last = members.isEmpty() ? (String) b[4] : members.get(members.size() - 1).userId();
            em.createNativeQuery("update broadcast set fanned_out = fanned_out + ?1, last_user = ?2, status = ?3 where id = ?4")
                    .setParameter(1, members.size()).setParameter(2, last)
                    .setParameter(3, members.size() < batch ? "DONE" : "SENDING").setParameter(4, id).executeUpdate();
            return true;
        });
    }
}
