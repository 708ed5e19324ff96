package org.cppcc.consultation.outcomes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.platform.tenancy.SupervisedFromAbove;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/committees/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "outcomes", description = "协商成果: reports to leaders, 批示, and a plan's figures")
public class ReportResource {

    private final Reports reports;

    public ReportResource(Reports reports) {
        this.reports = reports;
    }

    @POST
    @Path("topics/{topic}/reports")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE})
    @Operation(summary = "A report (COMPREHENSIVE 综合报告, PARTIAL 分报告) carrying opinions of the topic's activities, sent to named leaders")
    public Reports.ReportView create(@PathParam("topic") UUID topic, @Valid @NotNull Reports.NewReport r) {
        return reports.create(topic, r);
    }

    @GET
    @Path("topics/{topic}/reports")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "A topic's reports")
    public List<Reports.ReportView> list(@PathParam("topic") UUID topic) {
        return reports.ofTopic(topic);
    }

    @POST
    @Path("reports/{report}/instruction")
    @CommitteeRoles({Roles.LEADER, Roles.CONSULTATION_OFFICE})
    @Operation(summary = "批示: a leader's instruction on the report (the leader, or the office recording it), once")
    public Reports.ReportView instruct(@PathParam("report") UUID report, @Valid @NotNull Reports.Instruction i) {
        return reports.instruct(report, i);
    }

    @GET
    @Path("consultation-plans/{id}/statistics")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @SupervisedFromAbove
    @Operation(summary = "A plan's figures, in all and per topic: opinions raised, adopted, transformed, answered; reports and 批示")
    public Reports.PlanFigures figures(@PathParam("id") UUID id) {
        return reports.figures(id);
    }
}
