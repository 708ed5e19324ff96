package org.cppcc.notifications.inbox;

import org.cppcc.platform.time.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cppcc.notifications.directory.Directory;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;

import io.smallrye.mutiny.Multi;

import java.time.Duration;
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

    public record UnreadCount(long count, boolean more) {
    }

    public record DeliveryView(String channel, String status, int attempts, Instant sentAt, Instant deliveredAt, String lastError) {
    }

    public record NotificationDetail(NotificationView notification, List<DeliveryView> deliveries) {
    }

    private static final String MINE = "((n.audienceKind = 'USER' and n.audience = :user) or (n.audienceKind = 'ROLE' and n.audience in :roles)"
            + " or (n.audienceKind = 'UNIT' and n.audience in :units))";
    private static final String UNREAD = " and not exists (select 1 from NotificationRead r where r.notificationId = n.id and r.userId = :user)";

    private final EntityManager em;
    private final Caller caller;
    private final Directory directory;
    private final InboxStream stream;

    public InboxService(EntityManager em, Caller caller, Directory directory, InboxStream stream) {
        this.stream = stream;
        this.em = em;
        this.caller = caller;
        this.directory = directory;
    }

    /** How many missed notifications a reconnecting client receives before the live ones. */
    static final int CATCH_UP = 100;

    /**
     * The caller's live feed: first what they missed after {@code lastEventId} (oldest first, at most
     * {@value #CATCH_UP}), then new notifications as they are committed; it ends when the caller's token
     * expires, so a connection never outlives the rights it was opened with.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Multi<NotificationView> liveFeed(String lastEventId) {
        Multi<NotificationView> live = stream.subscribe(audienceKeys()); // registered before the catch-up is read: nothing falls between
        List<NotificationView> missed = lastEventId == null || lastEventId.isBlank() ? List.of() : after(eventId(lastEventId));
        Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        missed.forEach(v -> seen.add(v.id()));
        Duration left = caller.tokenExpiresAt().map(exp -> Duration.between(Instant.now(), exp)).orElse(Duration.ZERO);
        if (left.isNegative() || left.isZero()) {
            throw Problems.unauthorized();
        }
        return Multi.createBy().concatenating().streams(Multi.createFrom().iterable(missed), live.filter(v -> seen.add(v.id())))
                .select().first(left);
    }

    private static UUID eventId(String lastEventId) {
        try {
            return UUID.fromString(lastEventId.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("Last-Event-ID is not an id this stream sent");
        }
    }

    /** The caller's notifications after this one, oldest first (ids grow with time). */
    private List<NotificationView> after(UUID id) {
        List<Notification> rows = em.createQuery("select n from Notification n where " + MINE + " and n.id > :after order by n.id",
                        Notification.class)
                .setParameter("user", caller.userId()).setParameter("roles", roleAudiences()).setParameter("units", unitAudiences())
                .setParameter("after", id).setMaxResults(CATCH_UP).getResultList();
        Set<UUID> read = readAmong(rows);
        return rows.stream().map(n -> view(n, read)).toList();
    }

    private static NotificationView view(Notification n, Set<UUID> read) {
        return new NotificationView(n.id.toString(), n.committee, n.category, n.title, n.body, n.link, n.createdAt, read.contains(n.id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<NotificationView> list(PageRequest page, boolean unreadOnly) {
        String q = "select n from Notification n where " + MINE + (unreadOnly ? UNREAD : "")
                + (page.after() != null ? " and n.id < :after" : "") + " order by n.id desc";
        var query = em.createQuery(q, Notification.class).setParameter("user", caller.userId()).setParameter("roles", roleAudiences()).setParameter("units", unitAudiences())
                .setMaxResults(page.fetchSize());
        if (page.after() != null) {
            query.setParameter("after", page.after());
        }
        List<Notification> rows = query.getResultList();
        Set<UUID> read = readAmong(rows);
        return Page.of(rows, page, n -> n.id.toString(), n -> view(n, read));
    }

    /**
     * The badge: unread items counted up to {@value #BADGE_LIMIT} ({@code more}: there are more — the app shows "99+").
     * Counting all of them would read every item a busy office role ever got (a national session's office gets one per
     * proposal) on every call; stopping at the limit bounds the work, as the badge does.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UnreadCount unreadCount() {
        int found = em.createQuery("select n.id from Notification n where " + MINE + UNREAD, UUID.class)
                .setParameter("user", caller.userId()).setParameter("roles", roleAudiences()).setParameter("units", unitAudiences())
                .setMaxResults(BADGE_LIMIT + 1).getResultList().size();
        return new UnreadCount(Math.min(found, BADGE_LIMIT), found > BADGE_LIMIT);
    }

    static final int BADGE_LIMIT = 99;

    public void markRead(UUID id) {
        long visible = em.createQuery("select count(n) from Notification n where n.id = :id and " + MINE, Long.class)
                .setParameter("id", id).setParameter("user", caller.userId()).setParameter("roles", roleAudiences()).setParameter("units", unitAudiences())
                .getSingleResult();
        if (visible == 0) {
            throw Problems.notFound("notification", id);
        }
        em.createNativeQuery("insert into notification_read (notification_id, user_id, read_at) values (?1, ?2, now()) on conflict do nothing")
                .setParameter(1, id).setParameter(2, caller.userId()).executeUpdate();
    }

    /** One of my notifications, with the status of each channel it went out on to me. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public NotificationDetail get(UUID id) {
        Notification n = mine(id);
        boolean read = !readAmong(List.of(n)).isEmpty();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select channel, status, attempts, sent_at, delivered_at, last_error from delivery "
                + "where notification_id = ?1 and user_id = ?2 order by channel").setParameter(1, id).setParameter(2, caller.userId()).getResultList();
        // a provider's error text is for operators (logs, the committee's delivery list), not for the person
        List<DeliveryView> deliveries = rows.stream().map(r -> new DeliveryView((String) r[0], (String) r[1], ((Number) r[2]).intValue(),
                SqlTime.instant(r[3]), SqlTime.instant(r[4]), personal((String) r[5]))).toList();
        return new NotificationDetail(view(n, read ? Set.of(n.id) : Set.of()), deliveries);
    }

    /** Our own reasons (a deferral: quiet hours, rate limit) are shown as they are; a provider's error text is not. */
    private static String personal(String lastError) {
        return lastError == null || lastError.startsWith("deferred: ") ? lastError : "发送失败 / Delivery failed";
    }

    /** The keys of everything addressed to me, as the live stream matches them. */
    public Set<String> audienceKeys() {
        Set<String> keys = new HashSet<>();
        keys.add("USER:" + caller.userId());
        roleAudiences().forEach(r -> keys.add("ROLE:" + r));
        unitAudiences().forEach(u -> keys.add("UNIT:" + u));
        return keys;
    }

    private Notification mine(UUID id) {
        return em.createQuery("select n from Notification n where n.id = :id and " + MINE, Notification.class)
                .setParameter("id", id).setParameter("user", caller.userId()).setParameter("roles", roleAudiences())
                .setParameter("units", unitAudiences()).getResultStream().findFirst()
                .orElseThrow(() -> Problems.notFound("notification", id));
    }


    private List<String> unitAudiences() {
        List<String> keys = new ArrayList<>(directory.unitsOf(caller.username()));
        keys.add("-");
        return keys;
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
