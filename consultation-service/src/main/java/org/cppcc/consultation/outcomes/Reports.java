package org.cppcc.consultation.outcomes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cppcc.consultation.opinions.Opinions;
import org.cppcc.consultation.plans.ConsultationPlans;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * 协商成果: a topic's reports (综合报告, 分报告) carrying the opinions selected from its activities, sent to named
 * leaders, and the leaders' 批示; and the figures of a plan (opinions raised, adopted, transformed, answered).
 */
@ApplicationScoped
@Transactional
public class Reports {

    public record NewReport(@NotNull @Pattern(regexp = "COMPREHENSIVE|PARTIAL") String kind, @NotBlank @Size(max = 200) String title,
                            @NotBlank @Size(max = 20000) String body, @NotBlank @Size(max = 200) String submittedTo,
                            @Size(max = 200) List<@NotNull UUID> opinionIds) {
    }

    public record Instruction(@NotBlank @Size(max = 100) String instructedBy, @NotBlank @Size(max = 2000) String instruction) {
    }

    public record ReportView(String id, String topicId, String kind, String title, String body, String submittedTo, List<String> opinionIds,
                             String instruction, String instructedBy, Instant instructedAt, Instant createdAt) {
    }

    public record TopicFigures(String topicId, String title, String status, long activities, Opinions.Figures opinions, long reports,
                               long instructed) {
    }

    public record PlanFigures(String planId, int year, Opinions.Figures opinions, List<TopicFigures> topics) {
    }

    private final EntityManager em;
    private final ConsultationPlans plans;
    private final Opinions opinions;
    private final CommitteeContext committee;
    private final Caller caller;
    private final Outbox outbox;
    private final Clock clock;

    public Reports(EntityManager em, ConsultationPlans plans, Opinions opinions, CommitteeContext committee, Caller caller, Outbox outbox,
                   Clock clock) {
        this.em = em;
        this.plans = plans;
        this.opinions = opinions;
        this.committee = committee;
        this.caller = caller;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A report of the topic, with opinions raised in the topic's activities (anything else is bad input). */
    public ReportView create(UUID topicId, NewReport r) {
        plans.topic(topicId);
        List<UUID> selected = List.copyOf(new LinkedHashSet<>(r.opinionIds() == null ? List.of() : r.opinionIds()));
        for (UUID o : selected) {
            boolean ofTopic = !em.createNativeQuery("select 1 from consultation_opinion o join activity a on a.id = o.activity_id "
                    + "where o.id = ?1 and o.committee = ?2 and a.topic_id = ?3 and o.status <> 'MERGED'").setParameter(1, o)
                    .setParameter(2, committee.code()).setParameter(3, topicId).getResultList().isEmpty();
            if (!ofTopic) {
                throw Problems.badRequest("opinion " + o + " was not raised (or is merged) in this topic's activities");
            }
        }
        UUID id = Ids.newId();
        em.createNativeQuery("insert into consultation_report (id, committee, topic_id, kind, title, body, submitted_to, created_by, created_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, id).setParameter(2, committee.code()).setParameter(3, topicId).setParameter(4, r.kind())
                .setParameter(5, r.title().strip()).setParameter(6, r.body()).setParameter(7, r.submittedTo().strip())
                .setParameter(8, caller.username()).setParameter(9, SqlTime.param(clock.instant())).executeUpdate();
        for (UUID o : selected) {
            em.createNativeQuery("insert into report_opinion (report_id, opinion_id, committee) values (?1, ?2, ?3)").setParameter(1, id)
                    .setParameter(2, o).setParameter(3, committee.code()).executeUpdate();
        }
        return get(id);
    }

    /** 批示: a leader's instruction on the report, recorded once (by the leader, or the office for them). */
    public ReportView instruct(UUID id, Instruction i) {
        ReportView r = get(id);
        if (r.instruction() != null) {
            throw Problems.conflict("the report already carries 批示 by " + r.instructedBy());
        }
        em.createNativeQuery("update consultation_report set instruction = ?1, instructed_by = ?2, instructed_at = ?3, version = version + 1 "
                        + "where id = ?4").setParameter(1, i.instruction().strip()).setParameter(2, i.instructedBy().strip())
                .setParameter(3, SqlTime.param(clock.instant())).setParameter(4, id).executeUpdate();
        outbox.publish(Topics.CONSULTATIONS, EventTypes.CONSULTATION_REPORT_INSTRUCTED, committee.code(), id.toString(),
                new ConsultationEvents.ReportInstructed(id.toString(), r.topicId(), r.title(), i.instructedBy().strip(), i.instruction().strip()));
        return get(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportView> ofTopic(UUID topicId) {
        plans.topic(topicId);
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select id from consultation_report where topic_id = ?1 and committee = ?2 order by created_at")
                .setParameter(1, topicId).setParameter(2, committee.code()).getResultList();
        return ids.stream().map(x -> get((UUID) x)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportView get(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, topic_id, kind, title, body, submitted_to, instruction, instructed_by, "
                + "instructed_at, created_at from consultation_report where id = ?1 and committee = ?2").setParameter(1, id)
                .setParameter(2, committee.code()).getResultList();
        Object[] r = rows.stream().findFirst().orElseThrow(() -> Problems.notFound("report", id));
        @SuppressWarnings("unchecked")
        List<Object> selected = em.createNativeQuery("select opinion_id from report_opinion where report_id = ?1 order by opinion_id")
                .setParameter(1, id).getResultList();
        return new ReportView(r[0].toString(), r[1].toString(), (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                selected.stream().map(Object::toString).toList(), (String) r[6], (String) r[7], r[8] == null ? null : SqlTime.instant(r[8]),
                SqlTime.instant(r[9]));
    }

    /** A plan's figures, in all and per topic: "提出具体协商意见364条 … 形成转化成果112个". */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanFigures figures(UUID planId) {
        ConsultationPlans.PlanView plan = plans.get(planId);
        List<TopicFigures> topics = plan.topics().stream().map(t -> {
            UUID topic = UUID.fromString(t.id());
            Object[] r = (Object[]) em.createNativeQuery("select count(*), count(*) filter (where instruction is not null) from consultation_report "
                    + "where topic_id = ?1").setParameter(1, topic).getSingleResult();
            return new TopicFigures(t.id(), t.title(), t.status(), t.activities(), opinions.figures("a.topic_id = ?2", topic),
                    ((Number) r[0]).longValue(), ((Number) r[1]).longValue());
        }).toList();
        return new PlanFigures(plan.id(), plan.year(), opinions.figures("a.topic_id in (select id from consultation_topic where plan_id = ?2)",
                planId), topics);
    }
}
