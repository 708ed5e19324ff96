package org.cppcc.members.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/committees/{code}/registry")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "registry", description = "届/次会议, 界别, 专门委员会 of a committee")
public class RegistryResource {

    private final Registry registry;

    public RegistryResource(Registry registry) {
        this.registry = registry;
    }

    @GET
    @CommitteeRoles({Roles.MEMBER, Roles.PROPOSAL_OFFICE, Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Terms with their sessions, sectors and special committees")
    public Registry.View view(@PathParam("code") String code) {
        return registry.view();
    }

    @PUT
    @Path("sectors")
    @CommitteeRoles({Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Replace the committee's sectors (界别); members' sectors are checked against it")
    public List<String> sectors(@PathParam("code") String code, @NotNull List<String> names) {
        return registry.replace(Registry.SECTORS, names);
    }

    @PUT
    @Path("special-committees")
    @CommitteeRoles({Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Replace the committee's special committees (专门委员会)")
    public List<String> specialCommittees(@PathParam("code") String code, @NotNull List<String> names) {
        return registry.replace(Registry.SPECIAL_COMMITTEES, names);
    }

    @PUT
    @Path("terms/{number}")
    @CommitteeRoles({Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Create or replace a term (届) and its sessions (次会议)")
    public Registry.Term term(@PathParam("code") String code, @PathParam("number") int number, @Valid @NotNull Registry.Term term) {
        return registry.saveTerm(number, term);
    }
}
