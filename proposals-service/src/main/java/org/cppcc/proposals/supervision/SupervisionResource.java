package org.cppcc.proposals.supervision;

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
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.platform.tenancy.SupervisedFromAbove;
import org.cppcc.proposals.submission.ProposalView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

import static org.cppcc.platform.concurrency.IfMatch.version;

@Path("/committees/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "supervision", description = "督办: 重点提案 and deadlines")
public class SupervisionResource {

    private final SupervisionService supervision;
    private final Supervisors supervisors;

    public SupervisionResource(SupervisionService supervision, Supervisors supervisors) {
        this.supervision = supervision;
        this.supervisors = supervisors;
    }

    @POST
    @Path("proposals/{id}/key")
    @Operation(summary = "重点提案: mark key, supervised by a leader ({\"leader\": user name}) or a special committee "
            + "({\"specialCommittee\": name}) of the registry")
    public ProposalView markKey(@PathParam("id") UUID id, @Valid @NotNull SupervisionService.MarkKey key,
                                @HeaderParam("If-Match") String ifMatch) {
        return supervision.markKey(id, key, version(ifMatch));
    }

    @GET
    @Path("supervisors")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER})
    @Operation(summary = "Who may supervise key proposals: the committee's leaders and special committees (from members-service)")
    public List<Supervisors.Supervisor> supervisors() {
        return supervisors.list();
    }

    @GET
    @Path("supervision/key-proposals")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER})
    @Operation(summary = "督办: open key proposals with their open assignments, nearest deadline first: a leader's own "
            + "(or ?mine=true for the office's staff who lead too), all for the office")
    public List<SupervisionService.KeyProposal> keyProposals(@QueryParam("mine") boolean mine) {
        return supervision.keyProposals(mine);
    }

    @POST
    @Path("proposals/{id}/supervision-actions")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER})
    @Operation(summary = "督办: record a meeting, visit or instruction about a key proposal (its supervising leader, or the office)")
    public SupervisionService.ActionView record(@PathParam("id") UUID id, @Valid @NotNull SupervisionService.RecordAction action) {
        return supervision.record(id, action);
    }

    @GET
    @Path("proposals/{id}/supervision-actions")
    @Operation(summary = "督办 record of a proposal, for whoever may read it")
    public List<SupervisionService.ActionView> actions(@PathParam("id") UUID id) {
        return supervision.actions(id);
    }

    @GET
    @Path("supervision")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER})
    @SupervisedFromAbove
    @Operation(summary = "督办: open assignments overdue, and due within ?days (default 14): the nearest ?limit (default 100, at most 500) of each, with totals")
    public SupervisionService.Supervision supervision(@QueryParam("days") Integer days,
                                                      @QueryParam("limit") @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(500) Integer limit) {
        return supervision.list(days == null ? 14 : days, limit == null ? 100 : limit);
    }
}
