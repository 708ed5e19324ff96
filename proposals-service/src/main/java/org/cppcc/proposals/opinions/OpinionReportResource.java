package org.cppcc.proposals.opinions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cppcc.platform.concurrency.IfMatch;
import org.cppcc.platform.idempotency.Idempotency;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.proposals.opinions.OpinionReports.ReportView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/committees/{code}/opinion-reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "opinion reports", description = "社情民意信息: members report, the office adopts, leaders instruct")
public class OpinionReportResource {

    private final OpinionReports reports;

    public OpinionReportResource(OpinionReports reports) {
        this.reports = reports;
    }

    @POST
    @CommitteeRoles(Roles.MEMBER)
    @Operation(summary = "Submit a 社情民意 report (member)")
    public Response submit(@PathParam("code") String code, @Valid @NotNull OpinionReports.SubmitReport report,
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return reports.submit(report, idempotencyKey).toResponse(uri);
    }

    @GET
    @CommitteeRoles({Roles.MEMBER, Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "Reports, newest first (?status=): the office sees the committee's, a member their own")
    public Page<ReportView> list(@PathParam("code") String code, @QueryParam("status") String status,
                                 @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return reports.list(status == null ? null : parse(status), PageRequest.of(cursor, limit));
    }

    private static OpinionReport.Status parse(String status) {
        try {
            return OpinionReport.Status.valueOf(status.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw org.cppcc.platform.problem.Problems.badRequest("status is one of SUBMITTED, ADOPTED, NOT_ADOPTED, INSTRUCTED");
        }
    }

    @GET
    @Path("{id}")
    @CommitteeRoles({Roles.MEMBER, Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "One report (its author or the office)")
    public ReportView get(@PathParam("code") String code, @PathParam("id") UUID id) {
        return reports.get(id);
    }

    @POST
    @Path("{id}/adopt")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "采用: adopted, by whom (e.g. the Party committee office's bulletin)")
    public ReportView adopt(@PathParam("code") String code, @PathParam("id") UUID id, @Valid @NotNull OpinionReports.Adopt adopt,
                            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return reports.adopt(id, adopt, IfMatch.version(ifMatch));
    }

    @POST
    @Path("{id}/decline")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "Not adopted, with the reason")
    public ReportView decline(@PathParam("code") String code, @PathParam("id") UUID id, @Valid @NotNull OpinionReports.Decline decline,
                              @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return reports.decline(id, decline, IfMatch.version(ifMatch));
    }

    @POST
    @Path("{id}/instruction")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "批示: record a leader's instruction on an adopted report")
    public ReportView instruct(@PathParam("code") String code, @PathParam("id") UUID id, @Valid @NotNull OpinionReports.Instruct instruct,
                               @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return reports.instruct(id, instruct, IfMatch.version(ifMatch));
    }

    @POST
    @Path("{id}/edit")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "编辑: the office's title and text (the member's original is kept); If-Match optional")
    public ReportView edit(@PathParam("code") String code, @PathParam("id") UUID id, @Valid @NotNull OpinionReports.Edit edit,
                           @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return reports.edit(id, edit, IfMatch.version(ifMatch));
    }

    @POST
    @Path("{id}/forward")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "转交: forward to a department for follow-up")
    public ReportView forward(@PathParam("code") String code, @PathParam("id") UUID id, @Valid @NotNull OpinionReports.Forward forward,
                              @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return reports.forward(id, forward, IfMatch.version(ifMatch));
    }

    @POST
    @Path("{id}/answer")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "Record the department's answer to a forwarded report (409 when not forwarded)")
    public ReportView answer(@PathParam("code") String code, @PathParam("id") UUID id, @Valid @NotNull OpinionReports.Answer answer,
                             @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return reports.answer(id, answer, IfMatch.version(ifMatch));
    }

    @GET
    @Path("statistics")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @org.cppcc.platform.tenancy.SupervisedFromAbove
    @Operation(summary = "A year's figures (default: this year): submitted, compiled, issues, adopted, instructed, forwarded, answered; per member and sector")
    public OpinionReports.Statistics statistics(@PathParam("code") String code, @QueryParam("year") Integer year) {
        return reports.statistics(year);
    }
}
