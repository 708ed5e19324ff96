package org.cppcc.consultation.participation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cppcc.consultation.activities.ActivityService;
import org.cppcc.consultation.activities.ActivityService.ActivityView;
import org.cppcc.consultation.activities.ActivityStatus;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.Topics;
import org.cppcc.platform.events.contracts.ParticipationEvents.Participation;
import org.cppcc.platform.events.contracts.ParticipationEvents.ParticipationRecorded;
import org.cppcc.platform.outbox.Outbox;
import org.cppcc.platform.roster.MemberRoster;
import org.cppcc.platform.roster.MemberRoster.RosterMember;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.time.SqlTime;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Invitations and attendance (签到/请假/缺席, 发言) of an activity. Each fact is announced once as
 * ParticipationRecorded, which members-service turns into 履职 entries.
 */
@ApplicationScoped
@Transactional
public class Participants {

    public record Invite(@NotEmpty @Size(max = 500) List<@NotBlank String> usernames) {
    }

    public record Attendance(@NotBlank String username, @NotNull Participation participation, boolean spoke) {
    }

    public record RecordAttendance(@NotEmpty @Size(max = 500) List<@Valid @NotNull Attendance> records) {
    }

    public record ParticipantView(String userId, String username, String name, String status, boolean spoke, String answer,
                                  String answerReason, Instant checkedInAt) {
    }

    /** ACCEPT, or LEAVE (请假) with the reason. */
    public record Answer(@NotNull @jakarta.validation.constraints.Pattern(regexp = "ACCEPT|LEAVE") String answer,
                         @Size(max = 500) String reason) {
    }

    /** How long the code shown at the venue is taken (default 60 minutes, at most 8 hours). */
    public record CodeRequest(@jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(480) Integer validMinutes) {
    }

    /** The code to show (and the QR payload carrying it), and until when it is taken. */
    public record CheckInCode(String code, String qrPayload, Instant validFrom, Instant validUntil) {
    }

    public record CheckIn(@NotBlank @jakarta.validation.constraints.Pattern(regexp = "[0-9]{6}") String code) {
    }

    /** A recorded attendance corrected: ATTENDED, ABSENT_WITH_LEAVE or ABSENT_WITHOUT_LEAVE, with the reason. */
    public record Correction(@NotNull Participation participation, @NotBlank @Size(max = 500) String reason) {
    }

    /** After this many wrong codes a person's attendance is for staff to record. */
    static final int MAX_CHECK_IN_FAILURES = 10;

    private final EntityManager em;
    private final CommitteeContext committee;
    private final ActivityService activities;
    private final Outbox outbox;
    private final MemberRoster roster;
    private final Clock clock;
    private final org.cppcc.platform.security.Caller caller;

    public Participants(EntityManager em, CommitteeContext committee, ActivityService activities, Outbox outbox, MemberRoster roster,
                        Clock clock, org.cppcc.platform.security.Caller caller) {
        this.caller = caller;
        this.roster = roster;
        this.em = em;
        this.committee = committee;
        this.activities = activities;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Invites members of the committee; inviting someone twice changes nothing. Unknown names: 400, nobody invited. */
    public List<ParticipantView> invite(UUID activityId, Invite r) {
        ActivityView a = open(activityId);
        for (RosterMember p : roster.byUsernames(committee.code(), r.usernames())) {
            admit(a, p, null);
        }
        return list(activityId);
    }

    /**
     * Makes the member a participant (invited by the office, or signed up: then already accepted); announced once —
     * the invitation, 履职's INVITED and the day-before reminder follow from it. False if they already were one.
     */
    boolean admit(ActivityView a, RosterMember p, String answer) {
        int added = em.createNativeQuery("insert into participant (activity_id, committee, user_id, username, name, status, answer, updated_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (activity_id, user_id) do nothing")
                .setParameter(1, UUID.fromString(a.id())).setParameter(2, committee.code()).setParameter(3, p.userId()).setParameter(4, p.username())
                .setParameter(5, p.name()).setParameter(6, Participation.INVITED.name()).setParameter(7, answer)
                .setParameter(8, SqlTime.param(clock.instant())).executeUpdate();
        if (added == 1) {
            announce(a, p.userId(), Participation.INVITED, clock.instant());
        }
        return added == 1;
    }

    /**
     * Staff record who attended, who was excused and who was absent, and who spoke. Once recorded, a
     * person's attendance stands (recording the same again changes nothing; a different one is a conflict).
     */
    public List<ParticipantView> record(UUID activityId, RecordAttendance r) {
        ActivityView a = activities.get(activityId);
        if (a.status() == ActivityStatus.CANCELLED) {
            throw Problems.conflict("activity " + activityId + " was cancelled");
        }
        if (a.startsAt().isAfter(clock.instant())) {
            throw Problems.conflict("attendance is taken once the activity has begun (" + a.startsAt() + ")");
        }
        for (Attendance x : r.records()) {
            if (x.participation() == Participation.INVITED || x.participation() == Participation.SPOKE) {
                throw Problems.badRequest("participation is ATTENDED, ABSENT_WITH_LEAVE or ABSENT_WITHOUT_LEAVE; speaking is 'spoke': true");
            }
            if (x.spoke() && x.participation() != Participation.ATTENDED) {
                throw Problems.badRequest(x.username() + " cannot have spoken without attending");
            }
        }
        for (Attendance x : r.records()) {
            Object[] p = participant(activityId, x.username());
            String status = (String) p[1];
            if (Participation.INVITED.name().equals(status)) {
                em.createNativeQuery("update participant set status = ?1, updated_at = ?2 where activity_id = ?3 and user_id = ?4")
                        .setParameter(1, x.participation().name()).setParameter(2, SqlTime.param(clock.instant()))
                        .setParameter(3, activityId).setParameter(4, p[0]).executeUpdate();
                announce(a, (String) p[0], x.participation(), a.startsAt());
            } else if (!status.equals(x.participation().name())) {
                throw Problems.conflict("the attendance of " + x.username() + " was already recorded as " + status);
            }
            if (x.spoke() && !(Boolean) p[2]) {
                em.createNativeQuery("update participant set spoke = true where activity_id = ?1 and user_id = ?2")
                        .setParameter(1, activityId).setParameter(2, p[0]).executeUpdate();
                announce(a, (String) p[0], Participation.SPOKE, a.startsAt());
            }
        }
        return list(activityId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ParticipantView> list(UUID activityId) {
        activities.get(activityId); // 404 for another committee's activity
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select user_id, username, name, status, spoke, answer, answer_reason, checked_in_at "
                        + "from participant where activity_id = ?1 and committee = ?2 order by username")
                .setParameter(1, activityId).setParameter(2, committee.code()).getResultList();
        return rows.stream().map(r -> new ParticipantView((String) r[0], (String) r[1], (String) r[2], (String) r[3], (Boolean) r[4],
                (String) r[5], (String) r[6], r[7] == null ? null : SqlTime.instant(r[7]))).toList();
    }

    /** The invited member accepts, or asks for leave (请假) with a reason; the office hears of it. Changing one's mind is allowed before it begins. */
    public ParticipantView answer(UUID activityId, Answer r) {
        ActivityView a = open(activityId);
        if (!a.startsAt().isAfter(clock.instant())) {
            throw Problems.conflict("the activity has begun: attendance is now recorded, not answered");
        }
        boolean leave = "LEAVE".equals(r.answer());
        if (leave && (r.reason() == null || r.reason().isBlank())) {
            throw Problems.badRequest("a leave request (请假) gives its reason");
        }
        Object[] p = mine(activityId, true);
        String answer = leave ? "LEAVE_REQUESTED" : "ACCEPTED";
        String reason = leave ? r.reason().strip() : null;
        em.createNativeQuery("update participant set answer = ?1, answer_reason = ?2, updated_at = ?3 where activity_id = ?4 and user_id = ?5")
                .setParameter(1, answer).setParameter(2, reason).setParameter(3, SqlTime.param(clock.instant())).setParameter(4, activityId)
                .setParameter(5, p[0]).executeUpdate();
        outbox.publish(Topics.CONSULTATIONS, EventTypes.CONSULTATION_INVITATION_ANSWERED, committee.code(), a.id(),
                new org.cppcc.platform.events.contracts.ConsultationEvents.InvitationAnswered(a.id(), a.title(), (String) p[0],
                        caller.displayName(), answer, reason));
        return list(activityId).stream().filter(v -> v.userId().equals(p[0])).findFirst().orElseThrow();
    }

    /**
     * 签到码: a new six-digit code for the venue, taken from now for the given minutes (a new code replaces the old);
     * only its hash is kept.
     */
    public CheckInCode newCode(UUID activityId, CodeRequest r) {
        ActivityView a = open(activityId);
        int minutes = r == null || r.validMinutes() == null ? 60 : r.validMinutes();
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        Instant from = clock.instant();
        Instant until = from.plus(java.time.Duration.ofMinutes(minutes));
        em.createNativeQuery("insert into check_in_code (activity_id, committee, code_hash, valid_from, valid_until, created_by) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (activity_id) do update set code_hash = excluded.code_hash, "
                        + "valid_from = excluded.valid_from, valid_until = excluded.valid_until, created_by = excluded.created_by")
                .setParameter(1, activityId).setParameter(2, committee.code()).setParameter(3, hash(activityId, code))
                .setParameter(4, SqlTime.param(from)).setParameter(5, SqlTime.param(until)).setParameter(6, caller.username()).executeUpdate();
        return new CheckInCode(code, "cppcc-checkin:" + committee.code() + ":" + a.id() + ":" + code, from, until);
    }

    /**
     * The member checks in with the code shown at the venue: once, within its window; attended is announced (履职).
     * A wrong code is counted; after {@value #MAX_CHECK_IN_FAILURES}, staff record the attendance.
     */
    public ParticipantView checkIn(UUID activityId, CheckIn c) {
        ActivityView a = open(activityId);
        Object[] seen = mine(activityId, false);
        if (((Number) seen[4]).intValue() >= MAX_CHECK_IN_FAILURES) {
            throw Problems.conflict("too many wrong codes: ask the staff at the venue to record your attendance");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> codes = em.createNativeQuery("select code_hash, valid_from, valid_until from check_in_code where activity_id = ?1")
                .setParameter(1, activityId).getResultList();
        Instant now = clock.instant();
        if (codes.isEmpty()) {
            throw Problems.conflict("check-in has not been opened for this activity");
        }
        Object[] k = codes.get(0);
        if (now.isBefore(SqlTime.instant(k[1])) || now.isAfter(SqlTime.instant(k[2]))) {
            throw Problems.conflict("the check-in code is not taken now (it was valid until " + SqlTime.instant(k[2]) + "); ask for the current one");
        }
        if (!java.security.MessageDigest.isEqual(((String) k[0]).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                hash(activityId, c.code()).getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            // counted in a transaction of its own (this one rolls back with the refusal); no lock of the row is held here
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "update participant set check_in_failures = check_in_failures + 1 where activity_id = ?1 and user_id = ?2")
                    .setParameter(1, activityId).setParameter(2, seen[0]).executeUpdate());
            throw Problems.badRequest("the check-in code is wrong");
        }
        Object[] p = mine(activityId, true); // the right code: now under the row's lock, so two check-ins at once count once
        if (p[3] != null) {
            throw Problems.conflict("you have already checked in");
        }
        if (!Participation.INVITED.name().equals(p[1])) {
            throw Problems.conflict("your attendance was already recorded as " + p[1]);
        }
        em.createNativeQuery("update participant set status = ?1, checked_in_at = ?2, updated_at = ?2 where activity_id = ?3 and user_id = ?4")
                .setParameter(1, Participation.ATTENDED.name()).setParameter(2, SqlTime.param(now)).setParameter(3, activityId)
                .setParameter(4, p[0]).executeUpdate();
        announce(a, (String) p[0], Participation.ATTENDED, now);
        return list(activityId).stream().filter(v -> v.userId().equals(p[0])).findFirst().orElseThrow();
    }

    /**
     * 更正: the office corrects a person's recorded attendance, with the reason; the correction is announced so that
     * the 履职 record follows (the old entry replaced by the new). Someone who spoke cannot be made absent.
     */
    public ParticipantView correct(UUID activityId, String username, Correction c) {
        ActivityView a = activities.get(activityId);
        if (c.participation() == Participation.INVITED || c.participation() == Participation.SPOKE) {
            throw Problems.badRequest("participation is ATTENDED, ABSENT_WITH_LEAVE or ABSENT_WITHOUT_LEAVE");
        }
        Object[] p = participant(activityId, username);
        Participation from = Participation.valueOf((String) p[1]);
        if (from == Participation.INVITED) {
            throw Problems.conflict(username + "'s attendance has not been recorded yet: record it, not correct it");
        }
        if (from == c.participation()) {
            throw Problems.conflict(username + "'s attendance is already " + from);
        }
        if ((Boolean) p[2] && c.participation() != Participation.ATTENDED) {
            throw Problems.conflict(username + " spoke at the activity and so attended it");
        }
        Instant now = clock.instant();
        em.createNativeQuery("update participant set status = ?1, updated_at = ?2 where activity_id = ?3 and user_id = ?4")
                .setParameter(1, c.participation().name()).setParameter(2, SqlTime.param(now)).setParameter(3, activityId)
                .setParameter(4, p[0]).executeUpdate();
        outbox.publish(Topics.CONSULTATIONS, EventTypes.CONSULTATION_PARTICIPATION_CORRECTED, committee.code(), a.id(),
                new org.cppcc.platform.events.contracts.ParticipationEvents.ParticipationCorrected(a.id(), a.title(), a.form().name(),
                        (String) p[0], from, c.participation(), c.reason().strip(), a.startsAt()));
        return list(activityId).stream().filter(v -> v.userId().equals(p[0])).findFirst().orElseThrow();
    }

    /** The caller's invitation: user_id, status, spoke, checked_in_at, check_in_failures (locked or not); 404 if not invited. */
    private Object[] mine(UUID activityId, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select user_id, status, spoke, checked_in_at, check_in_failures from participant "
                        + "where activity_id = ?1 and committee = ?2 and user_id = ?3" + (lock ? " for update" : ""))
                .setParameter(1, activityId).setParameter(2, committee.code()).setParameter(3, caller.userId()).getResultList();
        return rows.stream().findFirst().orElseThrow(() -> Problems.notFound("invitation to activity", activityId));
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static String hash(UUID activityId, String code) {
        return sha256(activityId + ":" + code);
    }

    static String sha256(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ActivityView open(UUID activityId) {
        ActivityView a = activities.get(activityId);
        if (a.status() == ActivityStatus.CANCELLED) {
            throw Problems.conflict("activity " + activityId + " was cancelled");
        }
        return a;
    }

    /** user_id, status, spoke — locked; a person not invited is bad input. */
    private Object[] participant(UUID activityId, String username) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select user_id, status, spoke from participant where activity_id = ?1 and committee = ?2 "
                        + "and username = ?3 for update")
                .setParameter(1, activityId).setParameter(2, committee.code()).setParameter(3, username).getResultList();
        return rows.stream().findFirst().orElseThrow(() -> Problems.badRequest(username + " was not invited to this activity"));
    }

    private void announce(ActivityView a, String userId, Participation p, Instant when) {
        outbox.publish(Topics.CONSULTATIONS, EventTypes.CONSULTATION_PARTICIPATION_RECORDED, committee.code(), a.id(),
                new ParticipationRecorded(a.id(), a.title(), a.form().name(), userId, p, when));
    }
}
