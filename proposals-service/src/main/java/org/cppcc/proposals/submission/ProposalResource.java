package org.cppcc.proposals.submission;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/committees/{code}/proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "proposals", description = "提案: submit and read proposals")
public class ProposalResource {

    private final ProposalService service;

    public ProposalResource(ProposalService service) {
        this.service = service;
    }

    @POST
    @CommitteeRoles({Roles.MEMBER, Roles.PROPOSAL_OFFICE})
    @Operation(summary = "提交提案: a member submits a proposal to the committee")
    public Response submit(@PathParam("code") String code, @Valid @NotNull SubmitProposal request,
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return service.submit(request, idempotencyKey).toResponse(uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One proposal: its author and the committee's staff may read it")
    public ProposalView get(@PathParam("code") String code, @PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Operation(summary = "Proposals, newest first: staff see the committee's (mine=true: their own), units those assigned to them, members their own; ?status= filters")
    public Page<ProposalView> list(@PathParam("code") String code, @QueryParam("cursor") String cursor,
                                   @QueryParam("limit") Integer limit, @QueryParam("mine") boolean mine,
                                   @QueryParam("status") ProposalStatus status) {
        return service.list(PageRequest.of(cursor, limit), mine, status);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "修改: the proposer edits a draft or a returned proposal (If-Match: the version read)")
    public ProposalView edit(@PathParam("code") String code, @PathParam("id") UUID id, @Valid @NotNull SubmitProposal request,
                             @HeaderParam("If-Match") String ifMatch) {
        return service.edit(id, request, IfMatch.version(ifMatch));
    }

    @POST
    @Path("{id}/submit")
    @Operation(summary = "提交: the proposer submits a draft or a returned proposal")
    public ProposalView submit(@PathParam("code") String code, @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return service.submit(id, IfMatch.version(ifMatch));
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(summary = "撤回: the proposer withdraws it before registration")
    public ProposalView withdraw(@PathParam("code") String code, @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return service.withdraw(id, IfMatch.version(ifMatch));
    }

    @PUT
    @Path("{id}/tags")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE})
    @Operation(summary = "主题: the office sets the subject tags (up to 5, each up to 20 characters)")
    public ProposalView tags(@PathParam("code") String code, @PathParam("id") UUID id,
                             @NotNull @jakarta.validation.constraints.Size(max = Tags.MAX) java.util.List<@NotNull String> tags,
                             @HeaderParam("If-Match") String ifMatch) {
        return service.tag(id, tags, IfMatch.version(ifMatch));
    }
}
