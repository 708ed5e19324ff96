package org.cppcc.consultation.opinions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cppcc.consultation.activities.ActivityService;
import org.cppcc.consultation.activities.ActivityService.ActivityView;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.Topics;
import org.cppcc.platform.events.contracts.ConsultationEvents;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.outbox.Outbox;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.platform.time.SqlTime;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * 意见建议 of a consultation activity and what becomes of them: raised by a participant (or recorded by the office
 * for a guest), merged when they say the same (并), adopted (采纳), transformed into policy or action by a department
 * (成果转化), and answered to the one who gave it (反馈). RAISED → ADOPTED → TRANSFORMED; MERGED ends one.
 */
@ApplicationScoped
@Transactional
public class Opinions {

    /**
     * The office records a guest's opinion (a guest has no account): guestId names the activity's guest record (its name is
     * taken from there); authorName alone is for someone not even on the guest list (a resident speaking at the meeting).
     */
    public record Raise(@NotBlank @Size(max = 4000) String text, @Size(max = 100) String authorName, UUID guestId) {
    }

    public record Merge(@NotNull UUID into) {
    }

    public record Adopt(@NotBlank @Size(max = 200) String adoptedBy) {
    }

    public record Transform(@NotBlank @Size(max = 100) String department, @NotBlank @Size(max = 2000) String result, @NotNull LocalDate on) {
    }

    public record Feedback(@NotBlank @Size(max = 2000) String feedback) {
    }

    public record OpinionView(String id, String activityId, String authorUserId, String authorName, String text, String status,
                              String mergedInto, String adoptedBy, Instant adoptedAt, String department, String result, LocalDate transformedOn,
                              String feedback, Instant feedbackAt, Instant createdAt, String guestId) {
    }

    /** Per plan year, or per topic: opinions raised (not counting merged duplicates), adopted, transformed. */
    public record Figures(long raised, long adopted, long transformed, long answered) {
    }

    private static final String SELECT = "select id, activity_id, author_user_id, author_name, text, status, merged_into, adopted_by, adopted_at, "
            + "transform_department, transform_result, transformed_on, feedback, feedback_at, created_at, guest_id from consultation_opinion ";

    private final EntityManager em;
    private final ActivityService activities;
    private final CommitteeContext committee;
    private final Caller caller;
    private final Outbox outbox;
    private final Clock clock;

    public Opinions(EntityManager em, ActivityService activities, CommitteeContext committee, Caller caller, Outbox outbox, Clock clock) {
        this.em = em;
        this.activities = activities;
        this.committee = committee;
        this.caller = caller;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A participant raises an opinion (before, during or after); the office may record one for a guest. */
    public OpinionView raise(UUID activityId, Raise r) {
        ActivityView a = activities.get(activityId);
        boolean office = committee.has(Roles.CONSULTATION_OFFICE);
        String authorUserId;
        String authorName;
        UUID guestId = null;
        if (r.guestId() != null) {
            if (!office) {
                throw Problems.forbidden("the office records a guest's opinion");
            }
            List<?> guest = em.createNativeQuery("select name from guest where id = ?1 and activity_id = ?2 and committee = ?3")
                    .setParameter(1, r.guestId()).setParameter(2, activityId).setParameter(3, committee.code()).getResultList();
            if (guest.isEmpty()) {
                throw Problems.badRequest("guest " + r.guestId() + " is not a guest of this activity");
            }
            authorUserId = null;
            authorName = (String) guest.get(0);
            guestId = r.guestId();
        } else if (office && r.authorName() != null && !r.authorName().isBlank()) {
            authorUserId = null;
            authorName = r.authorName().strip();
        } else {
            if (!invited(activityId, caller.userId())) {
                throw Problems.forbidden("only those invited to the activity raise opinions in it (the office records a guest's with authorName)");
            }
            authorUserId = caller.userId();
            authorName = caller.displayName();
        }
        UUID id = Ids.newId();
        em.createNativeQuery("insert into consultation_opinion (id, committee, activity_id, author_user_id, author_name, text, status, created_at, "
                        + "guest_id) values (?1, ?2, ?3, ?4, ?5, ?6, 'RAISED', ?7, ?8)")
                .setParameter(1, id).setParameter(2, committee.code()).setParameter(3, activityId).setParameter(4, authorUserId)
                .setParameter(5, authorName).setParameter(6, r.text().strip()).setParameter(7, SqlTime.param(clock.instant()))
                .setParameter(8, guestId).executeUpdate();
        outbox.publish(Topics.CONSULTATIONS, EventTypes.CONSULTATION_OPINION_RAISED, committee.code(), a.id(),
                new ConsultationEvents.OpinionRaised(id.toString(), a.id(), a.title(), authorUserId, excerpt(r.text())));
        return get(id);
    }

    /**
     * 并: the office merges an opinion into one that says the same; only open ones — within one activity, or across the
     * activities held on one topic (a topic's seminar, its visits and its online thread hear the same things).
     */
    public OpinionView merge(UUID id, Merge m) {
        OpinionView o = locked(id);
        OpinionView into = locked(m.into());
        if (id.equals(m.into())) {
            throw Problems.badRequest("an opinion cannot be merged into itself");
        }
        if (!"RAISED".equals(o.status()) || "MERGED".equals(into.status())) {
            throw Problems.conflict("only a raised opinion is merged, into one that is not merged itself");
        }
        if (!o.activityId().equals(into.activityId()) && !sameTopic(o.activityId(), into.activityId())) {
            throw Problems.badRequest("opinions are merged within one activity, or across the activities of one topic");
        }
        update("status = 'MERGED', merged_into = ?2", id, m.into());
        return get(id);
    }

    private boolean sameTopic(String activity, String other) {
        Object[] n = (Object[]) em.createNativeQuery("select count(topic_id), count(distinct topic_id) from activity where id in (?1, ?2)")
                .setParameter(1, UUID.fromString(activity)).setParameter(2, UUID.fromString(other)).getSingleResult();
        return ((Number) n[0]).intValue() == 2 && ((Number) n[1]).intValue() == 1;
    }

    /** 采纳: adopted (by a report, a department, a leader). */
    public OpinionView adopt(UUID id, Adopt a) {
        OpinionView o = locked(id);
        if (!"RAISED".equals(o.status())) {
            throw Problems.conflict("only a raised opinion is adopted (it is " + o.status() + ")");
        }
        update("status = 'ADOPTED', adopted_by = ?2, adopted_at = ?3", id, a.adoptedBy().strip(), SqlTime.param(clock.instant()));
        ActivityView act = activities.get(UUID.fromString(o.activityId()));
        outbox.publish(Topics.CONSULTATIONS, EventTypes.CONSULTATION_OPINION_ADOPTED, committee.code(), act.id(),
                new ConsultationEvents.OpinionAdopted(id.toString(), act.id(), act.title(), o.authorUserId(), excerpt(o.text()), a.adoptedBy().strip()));
        return get(id);
    }

    /** 成果转化: an adopted opinion turned into policy or action — by which department, what, when. */
    public OpinionView transform(UUID id, Transform t) {
        OpinionView o = locked(id);
        if (!"ADOPTED".equals(o.status())) {
            throw Problems.conflict("an opinion is transformed once adopted (it is " + o.status() + ")");
        }
        if (t.on().isAfter(LocalDate.now(clock.withZone(org.cppcc.platform.time.ClockProducer.CHINA)))) {
            throw Problems.badRequest("a transformation is recorded once it has happened (on: not in the future)");
        }
        update("status = 'TRANSFORMED', transform_department = ?2, transform_result = ?3, transformed_on = ?4", id, t.department().strip(),
                t.result().strip(), t.on());
        ActivityView act = activities.get(UUID.fromString(o.activityId()));
        outbox.publish(Topics.CONSULTATIONS, EventTypes.CONSULTATION_OPINION_TRANSFORMED, committee.code(), act.id(),
                new ConsultationEvents.OpinionTransformed(id.toString(), act.id(), act.title(), o.authorUserId(), excerpt(o.text()),
                        t.department().strip(), t.result().strip(), t.on()));
        return get(id);
    }

    /** 反馈: the office tells the one who gave it what became of it (again replaces the earlier answer). */
    public OpinionView feedback(UUID id, Feedback f) {
        OpinionView o = locked(id);
        update("feedback = ?2, feedback_at = ?3", id, f.feedback().strip(), SqlTime.param(clock.instant()));
        if (o.authorUserId() != null) {
            ActivityView act = activities.get(UUID.fromString(o.activityId()));
            outbox.publish(Topics.CONSULTATIONS, EventTypes.CONSULTATION_OPINION_FEEDBACK, committee.code(), act.id(),
                    new ConsultationEvents.OpinionFeedback(id.toString(), act.id(), act.title(), o.authorUserId(), f.feedback().strip()));
        }
        return get(id);
    }

    /** The office and leaders read every opinion of the activity; a member their own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OpinionView> ofActivity(UUID activityId) {
        activities.get(activityId);
        boolean staff = org.cppcc.consultation.committees.ConsultationStaff.readsEveryones(committee);
        var q = em.createNativeQuery(SELECT + "where activity_id = ?1 and committee = ?2" + (staff ? "" : " and author_user_id = ?3")
                + " order by created_at, id").setParameter(1, activityId).setParameter(2, committee.code());
        if (!staff) {
            q.setParameter(3, caller.userId());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(Opinions::view).toList();
    }

    /** Raised (merged duplicates not counted), adopted (transformed included), transformed, answered — of a plan's year or a topic. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Figures figures(String activityCondition, Object param) {
        Object[] r = (Object[]) em.createNativeQuery("select count(*) filter (where o.status <> 'MERGED'), "
                        + "count(*) filter (where o.status in ('ADOPTED', 'TRANSFORMED')), count(*) filter (where o.status = 'TRANSFORMED'), "
                        + "count(*) filter (where o.feedback is not null) from consultation_opinion o join activity a on a.id = o.activity_id "
                        + "where o.committee = ?1 and " + activityCondition)
                .setParameter(1, committee.code()).setParameter(2, param).getSingleResult();
        return new Figures(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue());
    }

    /** An opinion of this committee, or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OpinionView get(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + "where id = ?1 and committee = ?2").setParameter(1, id)
                .setParameter(2, committee.code()).getResultList();
        return rows.stream().findFirst().map(Opinions::view).orElseThrow(() -> Problems.notFound("opinion", id));
    }

    private OpinionView locked(UUID id) {
        if (em.createNativeQuery("select 1 from consultation_opinion where id = ?1 and committee = ?2 for update").setParameter(1, id)
                .setParameter(2, committee.code()).getResultList().isEmpty()) {
            throw Problems.notFound("opinion", id);
        }
        return get(id);
    }

    private void update(String set, UUID id, Object... values) {
        var q = em.createNativeQuery("update consultation_opinion set " + set + ", version = version + 1 where id = ?1").setParameter(1, id);
        for (int i = 0; i < values.length; i++) {
            q.setParameter(i + 2, values[i]);
        }
        q.executeUpdate();
    }

    private boolean invited(UUID activityId, String userId) {
        return !em.createNativeQuery("select 1 from participant where activity_id = ?1 and user_id = ?2").setParameter(1, activityId)
                .setParameter(2, userId).getResultList().isEmpty();
    }

    private static String excerpt(String text) {
        String t = text.strip();
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }

    private static OpinionView view(Object[] r) {
        return new OpinionView(r[0].toString(), r[1].toString(), (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                r[6] == null ? null : r[6].toString(), (String) r[7], r[8] == null ? null : SqlTime.instant(r[8]), (String) r[9], (String) r[10],
                r[11] == null ? null : SqlTime.date(r[11]), (String) r[12], r[13] == null ? null : SqlTime.instant(r[13]), SqlTime.instant(r[14]),
                r[15] == null ? null : r[15].toString());
    }
}
