package org.cppcc.proposals.joint;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.proposals.lifecycle.ProposalAccess;
import org.cppcc.proposals.submission.ProposalView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/committees/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "joint proposals", description = "联名: invitations to co-sign and their answers")
public class CosignResource {

    private final CosignService service;
    private final Cosigners cosigners;
    private final ProposalAccess access;
    private final Caller caller;

    public CosignResource(CosignService service, Cosigners cosigners, ProposalAccess access, Caller caller) {
        this.service = service;
        this.cosigners = cosigners;
        this.access = access;
        this.caller = caller;
    }

    @POST
    @Path("proposals/{id}/cosign")
    @Operation(summary = "联名: an invited member accepts (true) or declines (false) to co-sign, before the signing deadline")
    public ProposalView cosign(@PathParam("id") UUID id, @Valid @NotNull CosignService.Cosign cosign) {
        return service.answer(id, cosign);
    }

    @GET
    @Path("proposals/{id}/cosigners")
    @Operation(summary = "Its co-signers and their answers (only ACCEPTED ones count)")
    public List<Cosigners.CosignerView> cosigners(@PathParam("id") UUID id) {
        access.visible(id);
        return cosigners.of(id);
    }

    @GET
    @Path("cosign-requests")
    @CommitteeRoles(Roles.MEMBER)
    @Operation(summary = "联名邀请: my open invitations to co-sign")
    public List<Cosigners.Request> cosignRequests() {
        return cosigners.openRequestsFor(caller.userId());
    }
}
