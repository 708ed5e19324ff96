package org.cppcc.proposals.assignment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.proposals.handling.HandlingQueries;
import org.cppcc.proposals.lifecycle.ProposalAccess;
import org.cppcc.proposals.review.ReviewService.Reason;
import org.cppcc.proposals.submission.ProposalView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

import static org.cppcc.platform.concurrency.IfMatch.version;

@Path("/committees/{code}/proposals/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "assignment", description = "交办: lead and co-handling units, returns and reassignment")
public class AssignmentResource {

    private final AssignmentService assignments;
    private final ProposalAccess access;
    private final HandlingQueries queries;

    public AssignmentResource(AssignmentService assignments, ProposalAccess access, HandlingQueries queries) {
        this.assignments = assignments;
        this.access = access;
        this.queries = queries;
    }

    @POST
    @Path("assign")
    @Operation(summary = "交办: lead unit(s) and co-handling units, with a deadline (default: the committee's)")
    public ProposalView assign(@PathParam("id") UUID id, @Valid @NotNull AssignmentService.Assign assign,
                               @HeaderParam("If-Match") String ifMatch) {
        return assignments.assign(id, assign, version(ifMatch));
    }

    @POST
    @Path("return-request")
    @Operation(summary = "A unit asks to give back a proposal wrongly assigned to it (within the committee's window)")
    public ProposalView requestReturn(@PathParam("id") UUID id, @Valid @NotNull Reason reason) {
        return assignments.requestReturn(id, reason);
    }

    @POST
    @Path("reassign")
    @Operation(summary = "The office moves an assignment from one unit to another")
    public ProposalView reassign(@PathParam("id") UUID id, @Valid @NotNull AssignmentService.Reassign reassign,
                                 @HeaderParam("If-Match") String ifMatch) {
        return assignments.reassign(id, reassign, version(ifMatch));
    }

    @GET
    @Path("assignments")
    @Operation(summary = "Its assignments (交办), per round")
    public List<HandlingQueries.AssignmentView> assignments(@PathParam("id") UUID id) {
        access.visible(id);
        return queries.ofProposal(id);
    }
}
