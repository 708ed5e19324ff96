package org.cppcc.consultation.participation;

import jakarta.enterprise.context.ApplicationScoped;
import org.cppcc.platform.attachments.Attachment;
import org.cppcc.platform.attachments.AttachmentTypes;
import org.cppcc.platform.attachments.Attachments;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.cppcc.consultation.activities.ActivityService;
import org.cppcc.consultation.activities.ActivityService.ActivityView;
import org.cppcc.consultation.activities.ActivityStatus;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.Topics;
import org.cppcc.platform.events.contracts.ParticipationEvents.Participation;
import org.cppcc.platform.events.contracts.ParticipationEvents.ParticipationRecorded;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.outbox.Outbox;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.time.SqlTime;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 发言: an invited member submits a speech before the activity; the office marks it delivered at the meeting, which
 * records that the member spoke (履职) — once, however many speeches they delivered there.
 */
@ApplicationScoped
@Transactional
public class Speeches {

    /** The speech, with up to {@value Attachments#MAX_FILES} files (slides, data) of the kinds a reply letter may carry. */
    public record Submit(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 20000) String text,
                         @Size(max = Attachments.MAX_FILES) List<@jakarta.validation.Valid @jakarta.validation.constraints.NotNull Attachment> attachments) {
    }

    public record FileView(String id, String name, String contentType, int size) {
    }

    public record SpeechView(String id, String activityId, String userId, String name, String title, String text, String status,
                             Instant submittedAt, Instant deliveredAt, List<FileView> attachments) {
    }

    /** A stored file of a speech, to download. */
    public record File(String name, String contentType, byte[] content) {
    }

    private final EntityManager em;
    private final ActivityService activities;
    private final CommitteeContext committee;
    private final Caller caller;
    private final Outbox outbox;
    private final Clock clock;

    public Speeches(EntityManager em, ActivityService activities, CommitteeContext committee, Caller caller, Outbox outbox, Clock clock) {
        this.em = em;
        this.activities = activities;
        this.committee = committee;
        this.caller = caller;
        this.outbox = outbox;
        this.clock = clock;
    }

    public SpeechView submit(UUID activityId, Submit s) {
        ActivityView a = activities.get(activityId);
        if (a.status() == ActivityStatus.CANCELLED) {
            throw Problems.conflict("activity " + activityId + " was cancelled");
        }
        if (em.createNativeQuery("select 1 from participant where activity_id = ?1 and user_id = ?2").setParameter(1, activityId)
                .setParameter(2, caller.userId()).getResultList().isEmpty()) {
            throw Problems.forbidden("only members invited to the activity submit speeches to it");
        }
        if (!em.createNativeQuery("select 1 from speech where activity_id = ?1 and user_id = ?2 and title = ?3").setParameter(1, activityId)
                .setParameter(2, caller.userId()).setParameter(3, s.title().strip()).getResultList().isEmpty()) {
            throw Problems.conflict("you have already submitted a speech with this title");
        }
        UUID id = Ids.newId();
        em.createNativeQuery("insert into speech (id, committee, activity_id, user_id, name, title, text, status, submitted_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'SUBMITTED', ?8)")
                .setParameter(1, id).setParameter(2, committee.code()).setParameter(3, activityId).setParameter(4, caller.userId())
                .setParameter(5, caller.displayName()).setParameter(6, s.title().strip()).setParameter(7, s.text())
                .setParameter(8, SqlTime.param(clock.instant())).executeUpdate();
        List<byte[]> files = Attachments.decode(s.attachments());
        for (int i = 0; i < files.size(); i++) {
            Attachment f = s.attachments().get(i);
            em.createNativeQuery("insert into speech_attachment (id, committee, speech_id, name, content_type, size, content) "
                            + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, Ids.newId()).setParameter(2, committee.code()).setParameter(3, id).setParameter(4, f.name().strip())
                    .setParameter(5, AttachmentTypes.normalised(f.contentType())).setParameter(6, files.get(i).length)
                    .setParameter(7, files.get(i)).executeUpdate();
        }
        return get(id);
    }

    /** A file of a speech, for those who may read the speech (its speaker, the office and leaders). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public File attachment(UUID activityId, UUID speechId, UUID fileId) {
        SpeechView s = get(speechId);
        if (!s.activityId().equals(activityId.toString())
                || !(s.userId().equals(caller.userId()) || org.cppcc.consultation.committees.ConsultationStaff.readsEveryones(committee))) {
            throw Problems.notFound("speech", speechId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select name, content_type, content from speech_attachment where id = ?1 and speech_id = ?2")
                .setParameter(1, fileId).setParameter(2, speechId).getResultList();
        return rows.stream().findFirst().map(r -> new File((String) r[0], (String) r[1], (byte[]) r[2]))
                .orElseThrow(() -> Problems.notFound("attachment", fileId));
    }

    /** Delivered at the meeting (once it has begun): the member spoke. */
    public SpeechView delivered(UUID activityId, UUID id) {
        SpeechView s = get(id);
        if (!s.activityId().equals(activityId.toString())) {
            throw Problems.notFound("speech", id);
        }
        ActivityView a = activities.get(UUID.fromString(s.activityId()));
        if (a.startsAt().isAfter(clock.instant())) {
            throw Problems.conflict("a speech is delivered at the activity, once it has begun (" + a.startsAt() + ")");
        }
        if ("DELIVERED".equals(s.status())) {
            throw Problems.conflict("the speech was already marked delivered");
        }
        Object status = em.createNativeQuery("select status from participant where activity_id = ?1 and user_id = ?2 for update")
                .setParameter(1, UUID.fromString(s.activityId())).setParameter(2, s.userId()).getSingleResult();
        if (!Participation.ATTENDED.name().equals(status)) {
            throw Problems.conflict(s.name() + " is not recorded as attending (" + status + "): check-in or attendance first");
        }
        Instant now = clock.instant();
        em.createNativeQuery("update speech set status = 'DELIVERED', delivered_at = ?1 where id = ?2").setParameter(1, SqlTime.param(now))
                .setParameter(2, id).executeUpdate();
        // spoke once per activity, whether by this or by the attendance the office recorded
        int first = em.createNativeQuery("update participant set spoke = true, updated_at = ?1 where activity_id = ?2 and user_id = ?3 and not spoke")
                .setParameter(1, SqlTime.param(now)).setParameter(2, UUID.fromString(s.activityId())).setParameter(3, s.userId()).executeUpdate();
        if (first == 1) {
            outbox.publish(Topics.CONSULTATIONS, EventTypes.CONSULTATION_PARTICIPATION_RECORDED, committee.code(), a.id(),
                    new ParticipationRecorded(a.id(), a.title(), a.form().name(), s.userId(), Participation.SPOKE, now));
        }
        return get(id);
    }

    /** The office and leaders: every speech of the activity; a member: their own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SpeechView> ofActivity(UUID activityId) {
        activities.get(activityId);
        boolean staff = org.cppcc.consultation.committees.ConsultationStaff.readsEveryones(committee);
        var q = em.createNativeQuery(SELECT + "where activity_id = ?1 and committee = ?2" + (staff ? "" : " and user_id = ?3")
                + " order by submitted_at, id").setParameter(1, activityId).setParameter(2, committee.code());
        if (!staff) {
            q.setParameter(3, caller.userId());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return views(rows);
    }

    private static final String SELECT = "select id, activity_id, user_id, name, title, text, status, submitted_at, delivered_at from speech ";

    private SpeechView get(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + "where id = ?1 and committee = ?2").setParameter(1, id)
                .setParameter(2, committee.code()).getResultList();
        return views(rows).stream().findFirst().orElseThrow(() -> Problems.notFound("speech", id));
    }

    /** The speeches with their files' names (one query for all the files, not one per speech). */
    private List<SpeechView> views(List<Object[]> rows) {
        java.util.Map<String, List<FileView>> files = new java.util.HashMap<>();
        if (!rows.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> fs = em.createNativeQuery("select speech_id, id, name, content_type, size from speech_attachment "
                            + "where speech_id in (?1) order by name, id")
                    .setParameter(1, rows.stream().map(r -> (UUID) r[0]).toList()).getResultList();
            for (Object[] f : fs) {
                files.computeIfAbsent(f[0].toString(), k -> new java.util.ArrayList<>())
                        .add(new FileView(f[1].toString(), (String) f[2], (String) f[3], ((Number) f[4]).intValue()));
            }
        }
        return rows.stream().map(r -> new SpeechView(r[0].toString(), r[1].toString(), (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], SqlTime.instant(r[7]), r[8] == null ? null : SqlTime.instant(r[8]),
                files.getOrDefault(r[0].toString(), List.of()))).toList();
    }
}
