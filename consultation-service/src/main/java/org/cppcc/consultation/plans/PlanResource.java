package org.cppcc.consultation.plans;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/committees/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "plans", description = "年度协商计划 and its topics (议题)")
public class PlanResource {

    private final ConsultationPlans plans;

    public PlanResource(ConsultationPlans plans) {
        this.plans = plans;
    }

    @POST
    @Path("consultation-plans")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE})
    @Operation(summary = "Draft the year's consultation plan (one per year)")
    public ConsultationPlans.PlanView create(@Valid @NotNull ConsultationPlans.NewPlan plan) {
        return plans.create(plan);
    }

    @GET
    @Path("consultation-plans")
    @CommitteeRoles({Roles.MEMBER, Roles.CONSULTATION_OFFICE, Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "The committee's plans, newest year first, with their topics")
    public List<ConsultationPlans.PlanView> list() {
        return plans.list();
    }

    @GET
    @Path("consultation-plans/{id}")
    @CommitteeRoles({Roles.MEMBER, Roles.CONSULTATION_OFFICE, Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "A plan with its topics")
    public ConsultationPlans.PlanView get(@PathParam("id") UUID id) {
        return plans.get(id);
    }

    @POST
    @Path("consultation-plans/{id}/topics")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE})
    @Operation(summary = "Add a topic (议题): title, form, owner (牵头单位), leaders, department (对口协商), plannedFor")
    public ConsultationPlans.TopicView addTopic(@PathParam("id") UUID id, @Valid @NotNull ConsultationPlans.Topic topic) {
        return plans.addTopic(id, topic);
    }

    @POST
    @Path("consultation-plans/{id}/publish")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE})
    @Operation(summary = "发布: publish the plan to the committee's members")
    public ConsultationPlans.PlanView publish(@PathParam("id") UUID id) {
        return plans.publish(id);
    }

    @PUT
    @Path("topics/{topic}/status")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE})
    @Operation(summary = "A topic's progress: PLANNED, IN_PROGRESS, CONCLUDED")
    public ConsultationPlans.TopicView status(@PathParam("topic") UUID topic, @Valid @NotNull ConsultationPlans.TopicStatus status) {
        return plans.setStatus(topic, status);
    }
}
