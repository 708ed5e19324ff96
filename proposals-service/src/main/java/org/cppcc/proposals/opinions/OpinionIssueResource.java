package org.cppcc.proposals.opinions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/committees/{code}/opinion-issues")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "opinion reports", description = "社情民意信息: members report, the office edits, compiles issues (信息专报), forwards; leaders instruct")
public class OpinionIssueResource {

    private final OpinionIssues issues;

    public OpinionIssueResource(OpinionIssues issues) {
        this.issues = issues;
    }

    @POST
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "信息专报: compile reports into the year's next numbered issue, sent to the named leaders; each author is told")
    public OpinionIssues.Issue compile(@PathParam("code") String code, @Valid @NotNull OpinionIssues.Compile compile) {
        return issues.compile(compile);
    }

    @GET
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "The issues of a year (default: this year), newest first, with their reports")
    public List<OpinionIssues.Issue> list(@PathParam("code") String code, @QueryParam("year") Integer year) {
        return issues.list(year);
    }

    @GET
    @Path("{id}")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "One issue with its reports")
    public OpinionIssues.Issue get(@PathParam("code") String code, @PathParam("id") UUID id) {
        return issues.get(id);
    }
}
