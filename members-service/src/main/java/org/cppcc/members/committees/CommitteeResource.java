package org.cppcc.members.committees;

import org.cppcc.platform.tenancy.AcrossCommittees;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.members.committees.CommitteeService.RegisterCommittee;
import org.cppcc.platform.tenancy.Committee;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@AcrossCommittees("the committee tree and platform administrators' onboarding")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "committees", description = "政协: the committee tree (tenants)")
public class CommitteeResource {

    private final CommitteeService service;

    public CommitteeResource(CommitteeService service) {
        this.service = service;
    }

    @GET
    @Path("committees")
    @PermitAll
    @org.eclipse.microprofile.openapi.annotations.extensions.Extension(name = "x-public", value = "true")
    @Operation(summary = "Every committee on this platform (public: the apps show it before login)")
    public List<Committee> all() {
        return service.all();
    }

    @PUT
    @Path("admin/committees/{committeeCode}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Register or rename a committee (platform operator)")
    public Committee register(@PathParam("committeeCode") String code, @Valid @NotNull RegisterCommittee request) {
        return service.register(code, request);
    }

    @jakarta.ws.rs.POST
    @Path("admin/committees/{committeeCode}/suspend")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "暂停: make a committee read-only in every service (writes answer 423) until it is resumed")
    public Committee suspend(@PathParam("committeeCode") String code) {
        return service.suspend(code);
    }

    @jakarta.ws.rs.POST
    @Path("admin/committees/{committeeCode}/resume")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "恢复: a suspended committee takes changes again")
    public Committee resume(@PathParam("committeeCode") String code) {
        return service.resume(code);
    }
}
