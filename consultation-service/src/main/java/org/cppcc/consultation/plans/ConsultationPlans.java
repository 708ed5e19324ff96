package org.cppcc.consultation.plans;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cppcc.consultation.activities.ConsultationForm;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.Topics;
import org.cppcc.platform.events.contracts.ConsultationEvents;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.outbox.Outbox;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.time.SqlTime;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * 年度协商计划: the office drafts the year's plan with its topics (议题: what, in which form, led by whom, with which
 * leaders and department, when), then publishes it (the members are told). Activities are held under a topic.
 */
@ApplicationScoped
@Transactional
public class ConsultationPlans {

    public record NewPlan(@NotNull @Min(2000) @Max(2999) Integer year, @NotBlank @Size(max = 200) String title) {
    }

    public record Topic(@NotBlank @Size(max = 200) String title, @NotNull ConsultationForm form, @NotBlank @Size(max = 100) String owner,
                        @Size(max = 200) String leaders, @Size(max = 100) String department, @NotNull LocalDate plannedFor) {
    }

    public record TopicStatus(@NotNull @Pattern(regexp = "PLANNED|IN_PROGRESS|CONCLUDED") String status) {
    }

    public record TopicView(String id, String planId, String title, ConsultationForm form, String owner, String leaders, String department,
                            LocalDate plannedFor, String status, long activities) {
    }

    public record PlanView(String id, int year, String title, String status, Instant publishedAt, List<TopicView> topics) {
    }

    private final EntityManager em;
    private final CommitteeContext committee;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    public ConsultationPlans(EntityManager em, CommitteeContext committee, Outbox outbox, Caller caller, Clock clock) {
        this.em = em;
        this.committee = committee;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    /** One plan per committee and year (409 for a second). */
    public PlanView create(NewPlan p) {
        if (!em.createNativeQuery("select 1 from consultation_plan where committee = ?1 and year = ?2").setParameter(1, committee.code())
                .setParameter(2, p.year()).getResultList().isEmpty()) {
            throw Problems.conflict("the committee already has a consultation plan for " + p.year());
        }
        UUID id = Ids.newId();
        em.createNativeQuery("insert into consultation_plan (id, committee, year, title, status, created_by, created_at) "
                        + "values (?1, ?2, ?3, ?4, 'DRAFT', ?5, ?6)")
                .setParameter(1, id).setParameter(2, committee.code()).setParameter(3, p.year()).setParameter(4, p.title().strip())
                .setParameter(5, caller.username()).setParameter(6, SqlTime.param(clock.instant())).executeUpdate();
        return get(id);
    }

    /** Adds a topic; the plan's year holds it. */
    public TopicView addTopic(UUID planId, Topic t) {
        Object[] plan = plan(planId, true);
        if (t.plannedFor().getYear() != ((Number) plan[1]).intValue()) {
            throw Problems.badRequest("a topic of the " + plan[1] + " plan is planned within " + plan[1]);
        }
        UUID id = Ids.newId();
        int position = ((Number) em.createNativeQuery("select count(*) from consultation_topic where plan_id = ?1").setParameter(1, planId)
                .getSingleResult()).intValue();
        em.createNativeQuery("insert into consultation_topic (id, committee, plan_id, title, form, owner, leaders, department, planned_for, "
                        + "status, position) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'PLANNED', ?10)")
                .setParameter(1, id).setParameter(2, committee.code()).setParameter(3, planId).setParameter(4, t.title().strip())
                .setParameter(5, t.form().name()).setParameter(6, t.owner().strip()).setParameter(7, blankToNull(t.leaders()))
                .setParameter(8, blankToNull(t.department())).setParameter(9, t.plannedFor()).setParameter(10, position).executeUpdate();
        return topic(id);
    }

    /** 发布: the plan goes out to the committee's members; a published plan is published once. */
    public PlanView publish(UUID planId) {
        Object[] plan = plan(planId, true);
        if ("PUBLISHED".equals(plan[2])) {
            throw Problems.conflict("the plan is already published");
        }
        List<TopicView> topics = topics(planId);
        if (topics.isEmpty()) {
            throw Problems.conflict("a plan is published with its topics: add at least one");
        }
        em.createNativeQuery("update consultation_plan set status = 'PUBLISHED', published_at = ?1, version = version + 1 where id = ?2")
                .setParameter(1, SqlTime.param(clock.instant())).setParameter(2, planId).executeUpdate();
        outbox.publish(Topics.CONSULTATIONS, EventTypes.CONSULTATION_PLAN_PUBLISHED, committee.code(), planId.toString(),
                new ConsultationEvents.PlanPublished(planId.toString(), ((Number) plan[1]).intValue(), (String) plan[3], topics.size()));
        return get(planId);
    }

    public TopicView setStatus(UUID topicId, TopicStatus s) {
        topic(topicId);
        em.createNativeQuery("update consultation_topic set status = ?1, version = version + 1 where id = ?2").setParameter(1, s.status())
                .setParameter(2, topicId).executeUpdate();
        return topic(topicId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanView> list() {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select id from consultation_plan where committee = ?1 order by year desc limit 100")
                .setParameter(1, committee.code()).getResultList();
        return ids.stream().map(id -> get((UUID) id)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanView get(UUID planId) {
        Object[] p = plan(planId, false);
        return new PlanView(p[0].toString(), ((Number) p[1]).intValue(), (String) p[3], (String) p[2], p[4] == null ? null : SqlTime.instant(p[4]),
                topics(planId));
    }

    /** A topic of this committee, or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TopicView topic(UUID topicId) {
        return topicRows("t.id = ?1", topicId).stream().findFirst().orElseThrow(() -> Problems.notFound("topic", topicId));
    }

    private List<TopicView> topics(UUID planId) {
        return topicRows("t.plan_id = ?1", planId);
    }

    private List<TopicView> topicRows(String where, UUID param) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select t.id, t.plan_id, t.title, t.form, t.owner, t.leaders, t.department, t.planned_for, "
                        + "t.status, (select count(*) from activity a where a.topic_id = t.id) from consultation_topic t "
                        + "where t.committee = ?2 and " + where + " order by t.position")
                .setParameter(1, param).setParameter(2, committee.code()).getResultList();
        return rows.stream().map(r -> new TopicView(r[0].toString(), r[1].toString(), (String) r[2], ConsultationForm.valueOf((String) r[3]),
                (String) r[4], (String) r[5], (String) r[6], SqlTime.date(r[7]), (String) r[8], ((Number) r[9]).longValue())).toList();
    }

    /** id, year, status, title, published_at — this committee's, or 404 (locked when changing). */
    private Object[] plan(UUID planId, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, year, status, title, published_at from consultation_plan where id = ?1 "
                + "and committee = ?2" + (lock ? " for update" : "")).setParameter(1, planId).setParameter(2, committee.code()).getResultList();
        return rows.stream().findFirst().orElseThrow(() -> Problems.notFound("consultation plan", planId));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
