package org.cppcc.proposals.handling;

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
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.proposals.lifecycle.ProposalAccess;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/committees/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "handling", description = "办理: units' open assignments and handling notes")
public class HandlingResource {

    private final HandlingService handling;
    private final HandlingQueries queries;
    private final ProposalAccess access;

    public HandlingResource(HandlingService handling, HandlingQueries queries, ProposalAccess access) {
        this.handling = handling;
        this.queries = queries;
        this.access = access;
    }

    @GET
    @Path("my-assignments")
    @CommitteeRoles(Roles.HANDLING_UNIT)
    @Operation(summary = "我的交办: my unit's open assignments, nearest deadline first (cursor, limit)")
    public Page<HandlingQueries.AssignmentView> mine(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return queries.mine(cursor, limit);
    }

    @POST
    @Path("proposals/{id}/notes")
    @Operation(summary = "办理过程: an assigned unit records contact with the proposer, progress, or (会办) its opinion to the lead")
    public void note(@PathParam("id") UUID id, @Valid @NotNull HandlingService.Note note) {
        handling.note(id, note);
    }

    @GET
    @Path("proposals/{id}/notes")
    @Operation(summary = "Its handling notes: contacts, progress, co-handlers' opinions")
    public List<HandlingQueries.NoteView> notes(@PathParam("id") UUID id) {
        access.visible(id);
        return queries.notes(id);
    }
}
