package org.cppcc.consultation.participation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cppcc.consultation.activities.ActivityService;
import org.cppcc.consultation.activities.ActivityService.ActivityView;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.time.SqlTime;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Guests of an activity (专家, 部门负责人, 民主党派代表) who hold no member account: a record with the least that is
 * needed, their attendance taken by the office. They have no 履职 record; their opinions are recorded by the office.
 */
@ApplicationScoped
@Transactional
public class Guests {

    public record Invite(@NotBlank @Size(max = 50) String name, @NotBlank @Size(max = 100) String organisation,
                         @NotNull @Pattern(regexp = "EXPERT|OFFICIAL|PARTY_GUEST|OTHER") String kind,
                         @Pattern(regexp = "\\+?[0-9]{5,20}") String phone) {
    }

    public record Attendance(@NotNull Boolean attended) {
    }

    public record GuestView(String id, String name, String organisation, String kind, String phone, Boolean attended) {
    }

    private final EntityManager em;
    private final ActivityService activities;
    private final CommitteeContext committee;
    private final Clock clock;

    public Guests(EntityManager em, ActivityService activities, CommitteeContext committee, Clock clock) {
        this.em = em;
        this.activities = activities;
        this.committee = committee;
        this.clock = clock;
    }

    public GuestView invite(UUID activityId, Invite g) {
        activities.get(activityId);
        UUID id = Ids.newId();
        em.createNativeQuery("insert into guest (id, committee, activity_id, name, organisation, kind, phone, created_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, id).setParameter(2, committee.code()).setParameter(3, activityId).setParameter(4, g.name().strip())
                .setParameter(5, g.organisation().strip()).setParameter(6, g.kind()).setParameter(7, g.phone() == null || g.phone().isBlank() ? null : g.phone())
                .setParameter(8, SqlTime.param(clock.instant())).executeUpdate();
        return list(activityId).stream().filter(v -> v.id().equals(id.toString())).findFirst().orElseThrow();
    }

    /** Whether the guest came: once the activity has begun. */
    public GuestView attendance(UUID activityId, UUID guestId, Attendance a) {
        ActivityView act = activities.get(activityId);
        if (act.startsAt().isAfter(clock.instant())) {
            throw Problems.conflict("attendance is taken once the activity has begun (" + act.startsAt() + ")");
        }
        int n = em.createNativeQuery("update guest set attended = ?1 where id = ?2 and activity_id = ?3 and committee = ?4")
                .setParameter(1, a.attended()).setParameter(2, guestId).setParameter(3, activityId).setParameter(4, committee.code()).executeUpdate();
        if (n == 0) {
            throw Problems.notFound("guest", guestId);
        }
        return list(activityId).stream().filter(v -> v.id().equals(guestId.toString())).findFirst().orElseThrow();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<GuestView> list(UUID activityId) {
        activities.get(activityId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, name, organisation, kind, phone, attended from guest where activity_id = ?1 "
                + "and committee = ?2 order by created_at, id").setParameter(1, activityId).setParameter(2, committee.code()).getResultList();
        return rows.stream().map(r -> new GuestView(r[0].toString(), (String) r[1], (String) r[2], (String) r[3], (String) r[4], (Boolean) r[5]))
                .toList();
    }
}
