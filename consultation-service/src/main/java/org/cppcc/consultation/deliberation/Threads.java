package org.cppcc.consultation.deliberation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.cppcc.consultation.activities.ActivityService;
import org.cppcc.consultation.activities.ActivityService.ActivityView;
import org.cppcc.consultation.activities.ActivityStatus;
import org.cppcc.consultation.activities.ConsultationForm;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.platform.time.SqlTime;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 网络议政: the thread of an online activity. A member's post or reply waits in the moderation queue until the office
 * publishes it; the office hides a post with the reason (its author still sees it, with the reason; others do not).
 */
@ApplicationScoped
@Transactional
public class Threads {

    public record Post(@NotBlank @Size(max = 5000) String text, UUID parentId) {
    }

    public record Hide(@NotBlank @Size(max = 500) String reason) {
    }

    public record PostView(String id, String parentId, String authorName, String text, String status, String hiddenReason, Instant createdAt,
                           boolean mine) {
    }

    private final EntityManager em;
    private final ActivityService activities;
    private final CommitteeContext committee;
    private final Caller caller;
    private final Clock clock;

    public Threads(EntityManager em, ActivityService activities, CommitteeContext committee, Caller caller, Clock clock) {
        this.em = em;
        this.activities = activities;
        this.committee = committee;
        this.caller = caller;
        this.clock = clock;
    }

    /** A member posts (or replies to a published post); it waits for moderation. */
    public PostView post(UUID activityId, Post p) {
        ActivityView a = activities.get(activityId);
        if (a.form() != ConsultationForm.ONLINE) {
            throw Problems.badRequest("a deliberation thread belongs to an online (网络议政) activity");
        }
        if (a.status() == ActivityStatus.CANCELLED) {
            throw Problems.conflict("activity " + activityId + " was cancelled");
        }
        if (p.parentId() != null && em.createNativeQuery("select 1 from thread_post where id = ?1 and activity_id = ?2 and status = 'PUBLISHED'")
                .setParameter(1, p.parentId()).setParameter(2, activityId).getResultList().isEmpty()) {
            throw Problems.badRequest("a reply answers a published post of the same thread");
        }
        UUID id = Ids.newId();
        em.createNativeQuery("insert into thread_post (id, committee, activity_id, parent_id, author_user_id, author_name, text, status, created_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'PENDING', ?8)")
                .setParameter(1, id).setParameter(2, committee.code()).setParameter(3, activityId).setParameter(4, p.parentId())
                .setParameter(5, caller.userId()).setParameter(6, caller.displayName()).setParameter(7, p.text().strip())
                .setParameter(8, SqlTime.param(clock.instant())).executeUpdate();
        return one(id);
    }

    /** The office publishes a waiting post. */
    public PostView publish(UUID id) {
        moderate(id, "PENDING", "PUBLISHED", null);
        return one(id);
    }

    /** The office hides a post (waiting or published) with the reason. */
    public PostView hide(UUID id, Hide h) {
        moderate(id, null, "HIDDEN", h.reason().strip());
        return one(id);
    }

    /**
     * The thread: published posts, and the caller's own whatever their state; the office (status=PENDING) reads the
     * moderation queue, or everything.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PostView> thread(UUID activityId, String status) {
        activities.get(activityId);
        boolean office = committee.has(Roles.CONSULTATION_OFFICE);
        if (status != null && !List.of("PENDING", "PUBLISHED", "HIDDEN").contains(status)) {
            throw Problems.badRequest("status is one of PENDING, PUBLISHED, HIDDEN");
        }
        String which = office ? (status == null ? "true" : "status = :s") : "(status = 'PUBLISHED' or author_user_id = :me)";
        var q = em.createNativeQuery(SELECT + "where activity_id = :a and committee = :c and " + which + " order by created_at, id limit 1000")
                .setParameter("a", activityId).setParameter("c", committee.code());
        if (office && status != null) {
            q.setParameter("s", status);
        }
        if (!office) {
            q.setParameter("me", caller.userId());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(this::view).toList();
    }

    private static final String SELECT = "select id, parent_id, author_name, text, status, hidden_reason, created_at, author_user_id from thread_post ";

    private void moderate(UUID id, String from, String to, String reason) {
        @SuppressWarnings("unchecked")
        List<Object> found = em.createNativeQuery("select status from thread_post where id = ?1 and committee = ?2 for update").setParameter(1, id)
                .setParameter(2, committee.code()).getResultList();
        String status = (String) found.stream().findFirst().orElseThrow(() -> Problems.notFound("post", id));
        if ((from != null && !from.equals(status)) || to.equals(status)) {
            throw Problems.conflict("the post is " + status);
        }
        em.createNativeQuery("update thread_post set status = ?1, hidden_reason = ?2, moderated_by = ?3, moderated_at = ?4 where id = ?5")
                .setParameter(1, to).setParameter(2, reason).setParameter(3, caller.username()).setParameter(4, SqlTime.param(clock.instant()))
                .setParameter(5, id).executeUpdate();
    }

    private PostView one(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + "where id = ?1 and committee = ?2").setParameter(1, id).setParameter(2, committee.code())
                .getResultList();
        return rows.stream().findFirst().map(this::view).orElseThrow(() -> Problems.notFound("post", id));
    }

    private PostView view(Object[] r) {
        return new PostView(r[0].toString(), r[1] == null ? null : r[1].toString(), (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                SqlTime.instant(r[6]), caller.userId().equals(r[7]));
    }
}
