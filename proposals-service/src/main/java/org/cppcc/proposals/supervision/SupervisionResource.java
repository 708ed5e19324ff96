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

import java.util.UUID;

import static org.cppcc.platform.concurrency.IfMatch.version;

@Path("/committees/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "supervision", description = "督办: 重点提案 and deadlines")
public class SupervisionResource {

    private final SupervisionService supervision;

    public SupervisionResource(SupervisionService supervision) {
        this.supervision = supervision;
    }

    @POST
    @Path("proposals/{id}/key")
    @Operation(summary = "重点提案: mark key, with its supervising leader")
    public ProposalView markKey(@PathParam("id") UUID id, @Valid @NotNull SupervisionService.MarkKey key,
                                @HeaderParam("If-Match") String ifMatch) {
        return supervision.markKey(id, key, version(ifMatch));
    }

    @GET
    @Path("supervision")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER})
    @SupervisedFromAbove
    @Operation(summary = "督办: open assignments overdue, and due within ?days (default 14)")
    public SupervisionService.Supervision supervision(@QueryParam("days") Integer days) {
        return supervision.list(days == null ? 14 : days);
    }
}
