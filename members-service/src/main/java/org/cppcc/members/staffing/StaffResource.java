package org.cppcc.members.staffing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

@Path("/committees/{code}/staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@CommitteeRoles({Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
@Tag(name = "staff", description = "人员与角色: the committee's staff roles, granted and removed by its administrators")
public class StaffResource {

    static final String USERNAME = "[a-z0-9][a-z0-9._-]{1,63}";

    private final StaffService staff;

    public StaffResource(StaffService staff) {
        this.staff = staff;
    }

    @GET
    @Operation(summary = "Everyone holding a staff role in the committee, with their roles")
    public List<StaffService.StaffMember> list() {
        return staff.list();
    }

    @PUT
    @Path("{username}/roles/{role}")
    @Operation(summary = "Grant a staff role (proposal-office, consultation-office, handling-unit, leader, committee-admin); "
            + "a person without an account gets one ({\"name\", \"email\"})")
    public StaffService.StaffMember grant(@PathParam("username") @Pattern(regexp = USERNAME) String username, @PathParam("role") String role,
                                          @Valid StaffService.Grant grant) {
        return staff.grant(username, role, grant);
    }

    @DELETE
    @Path("{username}/roles/{role}")
    @Operation(summary = "Remove a staff role; the account is disabled only if it holds nothing else anywhere")
    public StaffService.StaffMember revoke(@PathParam("username") @Pattern(regexp = USERNAME) String username, @PathParam("role") String role) {
        return staff.revoke(username, role);
    }
}
