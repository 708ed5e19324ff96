package org.cppcc.members.roster;

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
import org.cppcc.members.roster.MemberService.Contact;
import org.cppcc.members.roster.MemberService.EndMembership;
import org.cppcc.members.roster.MemberService.JoinMember;
import org.cppcc.members.roster.MemberService.MemberView;
import org.cppcc.platform.concurrency.IfMatch;
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
    private final RosterImport importer;

    public MemberResource(MemberService service, RosterImport importer) {
        this.service = service;
        this.importer = importer;
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", RosterImport.XLSX})
    @CommitteeRoles({Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Import a roster from CSV (UTF-8) or XLSX: a report per row; bad rows are rejected, re-imports update")
    public RosterImport.Report importRoster(@PathParam("code") String code, byte[] file, @HeaderParam("Content-Type") String type) {
        return importer.importFile(file, type);
    }

    @POST
    @CommitteeRoles({Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Add a member (staff): saved at once; the Keycloak account is created or linked and given the member role")
    public Response join(@PathParam("code") String code, @Valid @NotNull JoinMember request,
                         @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return service.join(request, idempotencyKey).toResponse(uri);
    }

    @GET
    @CommitteeRoles({Roles.MEMBER, Roles.PROPOSAL_OFFICE, Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "The committee's members, newest first; ?status=ACTIVE|ENDED and ?sector= narrow it")
    public Page<MemberView> list(@PathParam("code") String code, @QueryParam("status") String status, @QueryParam("sector") String sector,
                                 @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(PageRequest.of(cursor, limit), status, sector);
    }

    @GET
    @Path("me")
    @CommitteeRoles(Roles.MEMBER)
    @Operation(summary = "My membership of this committee")
    public MemberView me(@PathParam("code") String code) {
        return service.mine();
    }

    @PUT
    @Path("me/contact")
    @CommitteeRoles(Roles.MEMBER)
    @Operation(summary = "Change my own e-mail and mobile (announced to the other services; my account's e-mail follows)")
    public MemberView myContact(@PathParam("code") String code, @Valid @NotNull Contact contact) {
        return service.updateMyContact(contact);
    }

    @GET
    @Path("{id}")
    @CommitteeRoles({Roles.MEMBER, Roles.PROPOSAL_OFFICE, Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "One member of the committee")
    public MemberView get(@PathParam("code") String code, @PathParam("id") UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("{id}")
    @CommitteeRoles({Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Edit a member's profile (staff); send If-Match: <version> to detect concurrent edits")
    public MemberView update(@PathParam("code") String code, @PathParam("id") UUID id, @Valid @NotNull JoinMember request,
                             @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return service.update(id, request, IfMatch.version(ifMatch));
    }

    @POST
    @Path("{id}/end")
    @CommitteeRoles({Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "End a membership (staff): the member role is removed; the account is disabled when no role is left")
    public MemberView end(@PathParam("code") String code, @PathParam("id") UUID id, @Valid @NotNull EndMembership request) {
        return service.end(id, request);
    }
}
