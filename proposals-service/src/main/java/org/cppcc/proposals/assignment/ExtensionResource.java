package org.cppcc.proposals.assignment;

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

@Path("/committees/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "assignment", description = "交办: lead and co-handling units, returns and reassignment")
public class ExtensionResource {

    private final Extensions extensions;

    public ExtensionResource(Extensions extensions) {
        this.extensions = extensions;
    }

    @POST
    @Path("proposals/{id}/extensions")
    @CommitteeRoles({Roles.HANDLING_UNIT})
    @Operation(summary = "延期: a unit asks to move the deadline of its open assignment ({\"until\", \"reason\"})")
    public Extensions.ExtensionView request(@PathParam("id") UUID id, @Valid @NotNull Extensions.Request request) {
        return extensions.request(id, request);
    }

    @GET
    @Path("proposals/{id}/extensions")
    @Operation(summary = "延期 requests of a proposal, for whoever may read it")
    public List<Extensions.ExtensionView> ofProposal(@PathParam("id") UUID id) {
        return extensions.ofProposal(id);
    }

    @POST
    @Path("proposals/{id}/extensions/{extension}/decision")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE})
    @Operation(summary = "延期: the office approves ({\"approve\": true}: the deadline moves) or refuses a request")
    public Extensions.ExtensionView decide(@PathParam("id") UUID id, @PathParam("extension") UUID extension,
                                           @Valid @NotNull Extensions.Decision decision) {
        return extensions.decide(id, extension, decision);
    }

    @GET
    @Path("extensions")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER})
    @Operation(summary = "延期 requests of the committee (default: those waiting for a decision), oldest first")
    public List<Extensions.ExtensionView> queue(@QueryParam("status") String status) {
        return extensions.queue(status);
    }
}
