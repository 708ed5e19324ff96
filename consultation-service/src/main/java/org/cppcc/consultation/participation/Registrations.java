package org.cppcc.consultation.participation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cppcc.consultation.activities.ActivityService;
import org.cppcc.consultation.activities.ActivityService.ActivityView;
import org.cppcc.consultation.activities.ActivityStatus;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.Topics;
import org.cppcc.platform.events.contracts.ConsultationEvents.InvitationAnswered;
import org.cppcc.platform.outbox.Outbox;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.roster.MemberRoster;
import org.cppcc.platform.roster.MemberRoster.RosterMember;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.time.SqlTime;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 报名: members sign up themselves for an activity open to them. Within its capacity they take part at once (as if
 * invited and accepted); beyond it they wait in line, and the first in line moves up when someone withdraws.
 * Counting and moving up happen under the activity's row lock, so concurrent sign-ups never overfill it.
 */
@ApplicationScoped
@Transactional
public class Registrations {

    public record RegistrationView(String userId, String username, String name, String status, Integer position, Instant createdAt) {
    }

    static final String REGISTERED = "REGISTERED";
    static final String WAITING = "WAITING";
    static final String WITHDRAWN = "WITHDRAWN";

    private final EntityManager em;
    private final ActivityService activities;
    private final Participants participants;
    private final MemberRoster roster;
    private final CommitteeContext committee;
    private final Caller caller;
    private final Outbox outbox;
    private final Clock clock;

    public Registrations(EntityManager em, ActivityService activities, Participants participants, MemberRoster roster,
                         CommitteeContext committee, Caller caller, Outbox outbox, Clock clock) {
        this.em = em;
        this.activities = activities;
        this.participants = participants;
        this.roster = roster;
        this.committee = committee;
        this.caller = caller;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The caller signs up: REGISTERED while places are left, else WAITING with their place in line. */
    public RegistrationView signUp(UUID activityId) {
        ActivityView a = lockedOpen(activityId);
        if (!a.openToMembers()) {
            throw Problems.conflict("members do not sign up for this activity: the office invites its participants");
        }
        RosterMember me;
        try {
            me = roster.byUsernames(committee.code(), List.of(caller.username())).get(0);
        } catch (org.cppcc.platform.problem.ProblemException notOnRoster) {
            throw Problems.forbidden("only members on the committee's roster sign up");
        }
        String current = status(activityId, me.userId());
        if (REGISTERED.equals(current) || WAITING.equals(current)) {
            throw Problems.conflict("you have already signed up (" + current + ")");
        }
        if (current == null && participant(activityId, me.userId())) {
            throw Problems.conflict("you are already invited to this activity: answer the invitation instead");
        }
        long taken = ((Number) em.createNativeQuery("select count(*) from member_registration where activity_id = ?1 and status = 'REGISTERED'")
                .setParameter(1, activityId).getSingleResult()).longValue();
        String status = a.capacity() == null || taken < a.capacity() ? REGISTERED : WAITING;
        Instant now = clock.instant();
        em.createNativeQuery("insert into member_registration (activity_id, committee, user_id, username, name, status, created_at, updated_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) on conflict (activity_id, user_id) do update set status = excluded.status, "
                        + "created_at = excluded.created_at, updated_at = excluded.updated_at")
                .setParameter(1, activityId).setParameter(2, committee.code()).setParameter(3, me.userId()).setParameter(4, me.username())
                .setParameter(5, me.name()).setParameter(6, status).setParameter(7, SqlTime.param(now)).executeUpdate();
        if (REGISTERED.equals(status) && !participants.admit(a, me, "ACCEPTED")) {
            rejoin(a, me); // signed up, withdrew, signs up again: the same participant, accepted again
        }
        return mine(activityId);
    }

    /** The caller withdraws before it begins: a place given back goes to the first in line. */
    public RegistrationView withdraw(UUID activityId) {
        ActivityView a = lockedOpen(activityId);
        String current = status(activityId, caller.userId());
        if (current == null || WITHDRAWN.equals(current)) {
            throw Problems.notFound("sign-up for activity", activityId);
        }
        Instant now = clock.instant();
        em.createNativeQuery("update member_registration set status = 'WITHDRAWN', updated_at = ?1 where activity_id = ?2 and user_id = ?3")
                .setParameter(1, SqlTime.param(now)).setParameter(2, activityId).setParameter(3, caller.userId()).executeUpdate();
        if (REGISTERED.equals(current)) {
            // taking part no more: as a leave (请假), so the office sees it and the reminder stops
            String reason = "取消报名";
            em.createNativeQuery("update participant set answer = 'LEAVE_REQUESTED', answer_reason = ?1, updated_at = ?2 "
                            + "where activity_id = ?3 and user_id = ?4")
                    .setParameter(1, reason).setParameter(2, SqlTime.param(now)).setParameter(3, activityId).setParameter(4, caller.userId())
                    .executeUpdate();
            outbox.publish(Topics.CONSULTATIONS, EventTypes.CONSULTATION_INVITATION_ANSWERED, committee.code(), a.id(),
                    new InvitationAnswered(a.id(), a.title(), caller.userId(), caller.displayName(), "LEAVE_REQUESTED", reason));
            moveUp(a);
        }
        return mine(activityId);
    }

    /** The office's list: registered, then the waiting line in order, then those who withdrew. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RegistrationView> list(UUID activityId) {
        activities.get(activityId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select user_id, username, name, status, created_at, "
                        + "case when status = 'WAITING' then row_number() over (partition by status order by created_at, user_id) end "
                        + "from member_registration where activity_id = ?1 and committee = ?2 "
                        + "order by case status when 'REGISTERED' then 0 when 'WAITING' then 1 else 2 end, created_at, user_id")
                .setParameter(1, activityId).setParameter(2, committee.code()).getResultList();
        return rows.stream().map(r -> new RegistrationView((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                r[5] == null ? null : ((Number) r[5]).intValue(), SqlTime.instant(r[4]))).toList();
    }

    /** The caller's own sign-up (404 if none). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RegistrationView mine(UUID activityId) {
        return list(activityId).stream().filter(v -> v.userId().equals(caller.userId())).findFirst()
                .orElseThrow(() -> Problems.notFound("sign-up for activity", activityId));
    }

    private void moveUp(ActivityView a) {
        @SuppressWarnings("unchecked")
        List<Object[]> first = em.createNativeQuery("select user_id, username, name from member_registration "
                        + "where activity_id = ?1 and status = 'WAITING' order by created_at, user_id limit 1")
                .setParameter(1, UUID.fromString(a.id())).getResultList();
        for (Object[] f : first) {
            em.createNativeQuery("update member_registration set status = 'REGISTERED', updated_at = ?1 where activity_id = ?2 and user_id = ?3")
                    .setParameter(1, SqlTime.param(clock.instant())).setParameter(2, UUID.fromString(a.id())).setParameter(3, f[0]).executeUpdate();
            RosterMember next = new RosterMember((String) f[0], (String) f[1], (String) f[2]);
            if (!participants.admit(a, next, "ACCEPTED")) {
                rejoin(a, next);
            }
        }
    }

    /** Taking part again after a withdrawal: accepted, and said so (the office sees it; the reminder stands again). */
    private void rejoin(ActivityView a, RosterMember p) {
        em.createNativeQuery("update participant set answer = 'ACCEPTED', answer_reason = null, updated_at = ?1 where activity_id = ?2 and user_id = ?3")
                .setParameter(1, SqlTime.param(clock.instant())).setParameter(2, UUID.fromString(a.id())).setParameter(3, p.userId()).executeUpdate();
        outbox.publish(Topics.CONSULTATIONS, EventTypes.CONSULTATION_INVITATION_ANSWERED, committee.code(), a.id(),
                new InvitationAnswered(a.id(), a.title(), p.userId(), p.name(), "ACCEPTED", null));
    }

    private ActivityView lockedOpen(UUID activityId) {
        ActivityView a = activities.get(activityId); // 404 for another committee's
        em.createNativeQuery("select id from activity where id = ?1 for update").setParameter(1, activityId).getResultList();
        if (a.status() == ActivityStatus.CANCELLED) {
            throw Problems.conflict("activity " + activityId + " was cancelled");
        }
        if (!a.startsAt().isAfter(clock.instant())) {
            throw Problems.conflict("the activity has begun: sign-ups are closed");
        }
        return a;
    }

    private String status(UUID activityId, String userId) {
        List<?> s = em.createNativeQuery("select status from member_registration where activity_id = ?1 and user_id = ?2")
                .setParameter(1, activityId).setParameter(2, userId).getResultList();
        return s.isEmpty() ? null : (String) s.get(0);
    }

    private boolean participant(UUID activityId, String userId) {
        return !em.createNativeQuery("select 1 from participant where activity_id = ?1 and user_id = ?2")
                .setParameter(1, activityId).setParameter(2, userId).getResultList().isEmpty();
    }
}
