package org.cppcc.notifications.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The caller's own inbox: items addressed to them, or to a committee role their token grants. */
@ApplicationScoped
@Transactional
public class InboxService {

    public record NotificationView(String id, String committee, String category, String title, String body, String link,
                                   Instant createdAt, boolean read) {
    }

    public record UnreadCount(long count) {
    }

    private static final String MINE = "((n.audienceKind = 'USER' and n.audience = :user) or (n.audienceKind = 'ROLE' and n.audience in :roles))";
    private static final String UNREAD = " and not exists (select 1 from NotificationRead r where r.notificationId = n.id and r.userId = :user)";

    private final EntityManager em;
    private final Caller caller;

    public InboxService(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<NotificationView> list(PageRequest page, boolean unreadOnly) {
        String q = "select n from Notification n where " + MINE + (unreadOnly ? UNREAD : "")
                + (page.after() != null ? " and n.id < :after" : "") + " order by n.id desc";
        var query = em.createQuery(q, Notification.class).setParameter("user", caller.userId()).setParameter("roles", roleAudiences())
                .setMaxResults(page.fetchSize());
        if (page.after() != null) {
            query.setParameter("after", page.after());
        }
        List<Notification> rows = query.getResultList();
        Set<UUID> read = readAmong(rows);
        return Page.of(rows, page, n -> n.id.toString(), n -> new NotificationView(n.id.toString(), n.committee, n.category,
                n.title, n.body, n.link, n.createdAt, read.contains(n.id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UnreadCount unreadCount() {
        return new UnreadCount(em.createQuery("select count(n) from Notification n where " + MINE + UNREAD, Long.class)
                .setParameter("user", caller.userId()).setParameter("roles", roleAudiences()).getSingleResult());
    }

    public void markRead(UUID id) {
        long visible = em.createQuery("select count(n) from Notification n where n.id = :id and " + MINE, Long.class)
                .setParameter("id", id).setParameter("user", caller.userId()).setParameter("roles", roleAudiences())
                .getSingleResult();
        if (visible == 0) {
            throw Problems.notFound("notification", id);
        }
        em.createNativeQuery("insert into notification_read (notification_id, user_id, read_at) values (?1, ?2, now()) on conflict do nothing")
                .setParameter(1, id).setParameter(2, caller.userId()).executeUpdate();
    }

    private Set<UUID> readAmong(List<Notification> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select r.notificationId from NotificationRead r where r.userId = :user and r.notificationId in :ids", UUID.class)
                .setParameter("user", caller.userId()).setParameter("ids", rows.stream().map(n -> n.id).toList()).getResultList());
    }

    /** Never empty, so the IN clause stays valid for a caller without committee roles. */
    private List<String> roleAudiences() {
        List<String> keys = new ArrayList<>();
        keys.add("-");
        caller.committeeRoles().forEach((committee, roles) -> roles.forEach(r -> keys.add(Notification.roleAudience(committee, r))));
        return keys;
    }
}
