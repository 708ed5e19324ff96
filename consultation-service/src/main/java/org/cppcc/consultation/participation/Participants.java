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

    public record ParticipantView(String userId, String username, String name, String status, boolean spoke) {
    }

    private final EntityManager em;
    private final CommitteeContext committee;
    private final ActivityService activities;
    private final Outbox outbox;
    private final MemberRoster roster;
    private final Clock clock;

    public Participants(EntityManager em, CommitteeContext committee, ActivityService activities, Outbox outbox, MemberRoster roster,
                        Clock clock) {
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
            int added = em.createNativeQuery("insert into participant (activity_id, committee, user_id, username, name, status, updated_at) "
                            + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (activity_id, user_id) do nothing")
                    .setParameter(1, activityId).setParameter(2, committee.code()).setParameter(3, p.userId()).setParameter(4, p.username())
                    .setParameter(5, p.name()).setParameter(6, Participation.INVITED.name()).setParameter(7, SqlTime.param(clock.instant()))
                    .executeUpdate();
            if (added == 1) {
                announce(a, p.userId(), Participation.INVITED, clock.instant());
            }
        }
        return list(activityId);
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
        List<Object[]> rows = em.createNativeQuery("select user_id, username, name, status, spoke from participant "
                        + "where activity_id = ?1 and committee = ?2 order by username")
                .setParameter(1, activityId).setParameter(2, committee.code()).getResultList();
        return rows.stream().map(r -> new ParticipantView((String) r[0], (String) r[1], (String) r[2], (String) r[3], (Boolean) r[4])).toList();
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
