package org.cppcc.proposals.clues;

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
import org.cppcc.platform.tenancy.SupervisedFromAbove;
import org.cppcc.proposals.clues.Clues.ClueView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/committees/{code}/clues")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "clues", description = "订单式提案: handling units post proposal clues (线索), members take them and write proposals on them")
public class ClueResource {

    private final Clues clues;

    public ClueResource(Clues clues) {
        this.clues = clues;
    }

    @POST
    @CommitteeRoles({Roles.HANDLING_UNIT, Roles.PROPOSAL_OFFICE})
    @Operation(summary = "发布线索: post a clue for a unit (an officer of that unit, or the proposal office)")
    public Response post(@PathParam("code") String code, @Valid @NotNull Clues.PostClue clue,
                         @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return clues.post(clue, idempotencyKey).toResponse(uri);
    }

    @GET
    @CommitteeRoles({Roles.MEMBER, Roles.HANDLING_UNIT, Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "The clue board, newest first: ?status=OPEN (takeable now) or CLOSED, ?unitId=, ?mine=true (those I took)")
    public Page<ClueView> list(@PathParam("code") String code, @QueryParam("status") String status, @QueryParam("unitId") UUID unitId,
                               @QueryParam("mine") boolean mine, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return clues.list(status, unitId, mine, PageRequest.of(cursor, limit));
    }

    @GET
    @Path("statistics")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @SupervisedFromAbove
    @Operation(summary = "Clues of a session (default: the current one): posted, open, taken, members who took one, proposals written and registered; per unit")
    public Clues.Statistics statistics(@PathParam("code") String code, @QueryParam("term") Integer term,
                                       @QueryParam("session") Integer session) {
        return clues.statistics(term, session);
    }

    @GET
    @Path("{id}")
    @CommitteeRoles({Roles.MEMBER, Roles.HANDLING_UNIT, Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "One clue; the office, leaders and the posting unit also see who took it and the proposals written on it")
    public ClueView get(@PathParam("code") String code, @PathParam("id") UUID id) {
        return clues.get(id);
    }

    @POST
    @Path("{id}/take")
    @CommitteeRoles(Roles.MEMBER)
    @Operation(summary = "认领: take an open clue (again: no change)")
    public ClueView take(@PathParam("code") String code, @PathParam("id") UUID id) {
        return clues.take(id);
    }

    @POST
    @Path("{id}/close")
    @CommitteeRoles({Roles.HANDLING_UNIT, Roles.PROPOSAL_OFFICE})
    @Operation(summary = "Close a clue (its unit or the proposal office); those who took it are told")
    public ClueView close(@PathParam("code") String code, @PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return clues.close(id, IfMatch.version(ifMatch));
    }
}
