package org.cppcc.members.roster;

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
import org.cppcc.members.roster.MemberService.JoinMember;
import org.cppcc.members.roster.MemberService.MemberView;
import org.cppcc.platform.idempotency.Idempotency;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/committees/{code}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "members", description = "委员 roster of a committee")
public class MemberResource {

    private final MemberService service;

    public MemberResource(MemberService service) {
        this.service = service;
    }

    @POST
    @CommitteeRoles({Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Add a member to the committee (staff)")
    public Response join(@PathParam("code") String code, @Valid @NotNull JoinMember request,
                         @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return service.join(request, idempotencyKey).toResponse(uri);
    }

    @GET
    @CommitteeRoles({Roles.MEMBER, Roles.PROPOSAL_OFFICE, Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "The committee's members, newest first")
    public Page<MemberView> list(@PathParam("code") String code, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(PageRequest.of(cursor, limit));
    }

    @GET
    @Path("{id}")
    @CommitteeRoles({Roles.MEMBER, Roles.PROPOSAL_OFFICE, Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "One member of the committee")
    public MemberView get(@PathParam("code") String code, @PathParam("id") UUID id) {
        return service.get(id);
    }
}
