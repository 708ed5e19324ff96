package org.cppcc.consultation.activities;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.Topics;
import org.cppcc.platform.events.contracts.ActivityCancelled;
import org.cppcc.platform.events.contracts.ActivityScheduled;
import org.cppcc.platform.idempotency.Idempotency;
import org.cppcc.platform.idempotency.Idempotency.Created;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.outbox.Outbox;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class ActivityService {

    public record ScheduleActivity(@NotNull ConsultationForm form, @NotBlank @Size(max = 200) String title,
                                   @NotNull Instant startsAt, @NotBlank @Size(max = 200) String location,
                                   /** the plan's topic (议题) it is held under */
                                   UUID topicId,
                                   /** places for those signing up — residents, or members (null: no limit); then a waiting list */
                                   @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(10000) Integer capacity,
                                   /** 身边事好商量 (NEIGHBOURHOOD) only: residents sign up without an account */
                                   Boolean openToResidents,
                                   /** 报名: members of the committee may sign up themselves */
                                   Boolean openToMembers,
                                   /** 对口协商 (COUNTERPART): the matching department — required there */
                                   @Size(max = 100) String department,
                                   /** 提案办理协商 (PROPOSAL_HANDLING): the proposal — required there — and the units handling it */
                                   UUID proposalId, @Size(max = 10) java.util.List<@NotBlank @Size(max = 40) String> handlingUnits,
                                   /** 界别协商 (SECTOR): the sectors taking part — required there */
                                   @Size(max = 10) java.util.List<@NotBlank @Size(max = 40) String> sectors,
                                   /** 调研 (RESEARCH, INSPECTION): the topic's research group (1+4+N) holding it, and the stage */
                                   UUID researchGroupId, ResearchStage researchStage) {
    }

    /** The stages of a research topic (调研) the group records as activities. */
    public enum ResearchStage { PRE_RESEARCH, INTERVIEW, VISIT, FIELD_STUDY }

    /** 改期: a new time or place (or both), with the reason the invitees are told; If-Match carries the version. */
    public record Reschedule(Instant startsAt, @Size(max = 200) String location, @NotBlank @Size(max = 500) String reason) {
    }

    public record CancelActivity(@NotBlank @Size(max = 500) String reason) {
    }

    public record ActivityView(String id, String committee, ConsultationForm form, String title, Instant startsAt, String location,
                               ActivityStatus status, String cancelReason, Instant createdAt, String topicId, Integer capacity,
                               boolean openToResidents, String department, String proposalId, java.util.List<String> handlingUnits,
                               java.util.List<String> sectors, Integer episode, boolean openToMembers, String researchGroupId,
                               String researchStage, long version) {
        static ActivityView of(Activity a) {
            return new ActivityView(a.id.toString(), a.committee, a.form, a.title, a.startsAt, a.location, a.status, a.cancelReason,
                    a.createdAt, a.topicId == null ? null : a.topicId.toString(), a.capacity, a.openToResidents, a.department,
                    a.proposalRef == null ? null : a.proposalRef.toString(), split(a.handlingUnits), split(a.sectors), a.episode,
                    a.openToMembers, a.researchGroupId == null ? null : a.researchGroupId.toString(), a.researchStage, a.version);
        }

        private static java.util.List<String> split(String joined) {
            return joined == null || joined.isEmpty() ? java.util.List.of() : java.util.List.of(joined.split("、"));
        }
    }

    private final Outbox outbox;
    private final Idempotency idempotency;
    private final CommitteeContext committee;
    private final Caller caller;

    private final org.cppcc.consultation.plans.ConsultationPlans plans;
    private final java.time.Clock clock;

    public ActivityService(Outbox outbox, Idempotency idempotency, CommitteeContext committee, Caller caller,
                           org.cppcc.consultation.plans.ConsultationPlans plans, java.time.Clock clock) {
        this.plans = plans;
        this.clock = clock;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.committee = committee;
        this.caller = caller;
    }

    public Created<ActivityView> schedule(ScheduleActivity r, String idempotencyKey) {
        return idempotency.once(idempotencyKey, "consultation.schedule:" + committee.code() + ":" + caller.userId(), ActivityView.class, () -> {
            Activity a = new Activity();
            a.id = Ids.newId();
            a.form = r.form();
            a.title = r.title().strip();
            a.startsAt = r.startsAt();
            a.location = r.location().strip();
            a.capacity = r.capacity();
            a.openToResidents = Boolean.TRUE.equals(r.openToResidents());
            if (a.openToResidents && a.form != ConsultationForm.NEIGHBOURHOOD) {
                throw Problems.badRequest("residents sign up for 身边事好商量 (NEIGHBOURHOOD) activities only");
            }
            a.signUpKey = a.openToResidents ? newSignUpKey() : null;
            a.openToMembers = Boolean.TRUE.equals(r.openToMembers());
            formFields(a, r);
            if (r.topicId() != null) {
                try {
                    plans.topic(r.topicId());
                } catch (org.cppcc.platform.problem.ProblemException e) {
                    throw Problems.badRequest("topic " + r.topicId() + " is not a topic of this committee's plans");
                }
                a.topicId = r.topicId();
            }
            research(a, r);
            a.status = ActivityStatus.SCHEDULED;
            a.createdBy = caller.userId();
            a.createdAt = clock.instant();
            Panache.getEntityManager().persist(a);
            outbox.publish(Topics.CONSULTATIONS, EventTypes.CONSULTATION_ACTIVITY_SCHEDULED, committee.code(), a.id.toString(),
                    new ActivityScheduled(a.id.toString(), a.form.name(), a.title, a.startsAt, a.location));
            return new Created<>(a.id.toString(), ActivityView.of(a));
        });
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** The key printed on a 身边事好商量 notice (16 random bytes, hex). */
    private static String newSignUpKey() {
        byte[] raw = new byte[16];
        RANDOM.nextBytes(raw);
        return java.util.HexFormat.of().formatHex(raw);
    }

    /** What the form needs of its own; another form's fields are refused rather than silently kept. */
    private void formFields(Activity a, ScheduleActivity r) {
        boolean department = r.department() != null && !r.department().isBlank();
        boolean sectors = r.sectors() != null && !r.sectors().isEmpty();
        boolean units = r.handlingUnits() != null && !r.handlingUnits().isEmpty();
        switch (a.form) {
            case COUNTERPART -> {
                if (!department) {
                    throw Problems.badRequest("对口协商 (COUNTERPART) names the matching department (department)");
                }
            }
            case PROPOSAL_HANDLING -> {
                if (r.proposalId() == null) {
                    throw Problems.badRequest("提案办理协商 (PROPOSAL_HANDLING) names the proposal (proposalId) and may name its units");
                }
            }
            case SECTOR -> {
                if (!sectors) {
                    throw Problems.badRequest("界别协商 (SECTOR) names the sectors taking part (sectors)");
                }
            }
            case DELIBERATION_HALL -> a.episode = ((Number) Panache.getEntityManager().createNativeQuery(
                            "select coalesce(max(episode), 0) + 1 from activity where committee = ?1 and episode is not null")
                    .setParameter(1, committee.code()).getSingleResult()).intValue(); // a concurrent twin: the unique index answers 409
            default -> {
            }
        }
        if ((department && a.form != ConsultationForm.COUNTERPART) || (sectors && a.form != ConsultationForm.SECTOR)
                || ((r.proposalId() != null || units) && a.form != ConsultationForm.PROPOSAL_HANDLING)) {
            throw Problems.badRequest("department is for COUNTERPART, sectors for SECTOR, proposalId and handlingUnits for PROPOSAL_HANDLING");
        }
        a.department = department ? r.department().strip() : null;
        a.proposalRef = r.proposalId();
        a.handlingUnits = units ? String.join("、", r.handlingUnits().stream().map(String::strip).toList()) : null;
        a.sectors = sectors ? String.join("、", r.sectors().stream().map(String::strip).toList()) : null;
    }

    /** 调研's group and stage: a group of the activity's own topic, on a research or inspection activity. */
    private void research(Activity a, ScheduleActivity r) {
        if (r.researchGroupId() == null && r.researchStage() == null) {
            return;
        }
        if (a.form != ConsultationForm.RESEARCH && a.form != ConsultationForm.INSPECTION) {
            throw Problems.badRequest("researchGroupId and researchStage are for RESEARCH and INSPECTION activities");
        }
        if (r.researchGroupId() != null) {
            java.util.List<?> topic = Panache.getEntityManager().createNativeQuery("select topic_id from research_group where id = ?1 and committee = ?2")
                    .setParameter(1, r.researchGroupId()).setParameter(2, committee.code()).getResultList();
            if (topic.isEmpty() || !topic.get(0).equals(a.topicId)) {
                throw Problems.badRequest("research group " + r.researchGroupId() + " is not a group of the activity's topic (topicId)");
            }
        }
        a.researchGroupId = r.researchGroupId();
        a.researchStage = r.researchStage() == null ? null : r.researchStage().name();
    }

    /**
     * 改期: moves a scheduled activity that has not begun; its invitees are told and their reminders move with it.
     * A version other than the current (If-Match) is a conflict: the office may be looking at an old time.
     */
    public ActivityView reschedule(UUID id, Reschedule r, Long expectedVersion) {
        Activity a = find(id);
        if (expectedVersion != null && expectedVersion != a.version) {
            throw Problems.conflict("activity " + id + " was changed by someone else (version " + a.version + "); reload and retry");
        }
        if (a.status == ActivityStatus.CANCELLED) {
            throw Problems.conflict("activity " + id + " was cancelled");
        }
        if (!a.startsAt.isAfter(clock.instant())) {
            throw Problems.conflict("the activity has begun: it is no longer moved");
        }
        Instant startsAt = r.startsAt() == null ? a.startsAt : r.startsAt();
        String location = r.location() == null || r.location().isBlank() ? a.location : r.location().strip();
        if (startsAt.equals(a.startsAt) && location.equals(a.location)) {
            throw Problems.badRequest("give a new startsAt or location");
        }
        if (!startsAt.isAfter(clock.instant())) {
            throw Problems.badRequest("the new time is in the past");
        }
        Instant previousStart = a.startsAt;
        String previousLocation = a.location;
        a.startsAt = startsAt;
        a.location = location;
        Panache.getEntityManager().flush(); // the version check happens here: two moves at once, one wins
        outbox.publish(Topics.CONSULTATIONS, EventTypes.CONSULTATION_ACTIVITY_RESCHEDULED, committee.code(), a.id.toString(),
                new org.cppcc.platform.events.contracts.ConsultationEvents.ActivityRescheduled(a.id.toString(), a.title, startsAt, location,
                        previousStart, previousLocation, r.reason().strip()));
        return ActivityView.of(a);
    }

    /** 取消: calls an activity off; cancelling twice is a conflict. */
    public ActivityView cancel(UUID id, CancelActivity r) {
        Activity a = find(id);
        if (a.status == ActivityStatus.CANCELLED) {
            throw Problems.conflict("activity " + id + " is already cancelled");
        }
        a.status = ActivityStatus.CANCELLED;
        a.cancelReason = r.reason().strip();
        outbox.publish(Topics.CONSULTATIONS, EventTypes.CONSULTATION_ACTIVITY_CANCELLED, committee.code(), a.id.toString(),
                new ActivityCancelled(a.id.toString(), a.title, a.cancelReason));
        Panache.getEntityManager().flush();
        return ActivityView.of(a);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ActivityView> list(PageRequest page) {
        var q = Panache.getEntityManager().createQuery("from Activity a" + (page.after() != null ? " where a.id < :after" : "")
                + " order by a.id desc", Activity.class).setMaxResults(page.fetchSize());
        if (page.after() != null) {
            q.setParameter("after", page.after());
        }
        return Page.of(q.getResultList(), page, a -> a.id.toString(), ActivityView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ActivityView get(UUID id) {
        return ActivityView.of(find(id));
    }

    private Activity find(UUID id) {
        return Panache.getEntityManager().createQuery("from Activity a where a.id = :id", Activity.class).setParameter("id", id)
                .getResultStream().findFirst().orElseThrow(() -> Problems.notFound("activity", id));
    }
}
