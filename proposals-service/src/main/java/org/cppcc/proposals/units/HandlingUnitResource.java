package org.cppcc.proposals.units;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cppcc.platform.idempotency.Idempotency;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.proposals.units.HandlingUnitService.HandlingUnitView;
import org.cppcc.proposals.units.HandlingUnitService.RegisterHandlingUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/committees/{code}/handling-units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "handling units", description = "承办单位 registry of a committee")
public class HandlingUnitResource {

    private final HandlingUnitService service;
    private final HandlingUnitImport importer;

    public HandlingUnitResource(HandlingUnitService service, HandlingUnitImport importer) {
        this.service = service;
        this.importer = importer;
    }

    @POST
    @Path("import")
    @Consumes({org.cppcc.platform.imports.Tables.CSV, org.cppcc.platform.imports.Tables.XLSX})
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Register many units from CSV (UTF-8) or XLSX: name (单位名称), officers (经办人: user names, separated by 、 or ;); "
            + "a report per row (CREATED, EXISTS, REJECTED)")
    public HandlingUnitImport.Report importUnits(@PathParam("code") String code, byte[] file, @HeaderParam("Content-Type") String type) {
        return importer.importFile(file, type);
    }

    @POST
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Register a handling unit and its officers")
    public Response register(@PathParam("code") String code, @Valid @NotNull RegisterHandlingUnit request,
                             @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return service.register(request, idempotencyKey).toResponse(uri);
    }

    @GET
    @Operation(summary = "The committee's handling units")
    public List<HandlingUnitView> list(@PathParam("code") String code) {
        return service.list();
    }
}
