package org.cppcc.consultation.activities;

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
import org.cppcc.consultation.activities.ActivityService.ActivityView;
import org.cppcc.consultation.activities.ActivityService.ScheduleActivity;
import org.cppcc.platform.idempotency.Idempotency;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/committees/{code}/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "activities", description = "协商活动 of a committee")
public class ActivityResource {

    private final ActivityService service;

    public ActivityResource(ActivityService service) {
        this.service = service;
    }

    @POST
    @CommitteeRoles({Roles.CONSULTATION_OFFICE, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "Schedule a consultation activity (consultation office)")
    public Response schedule(@PathParam("code") String code, @Valid @NotNull ScheduleActivity request,
                             @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return service.schedule(request, idempotencyKey).toResponse(uri);
    }

    @GET
    @Operation(summary = "The committee's consultation activities, newest first")
    public Page<ActivityView> list(@PathParam("code") String code, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(PageRequest.of(cursor, limit));
    }

    @POST
    @Path("{id}/cancel")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "Call an activity off (its participants are told, its reminders stop)")
    public ActivityView cancel(@PathParam("code") String code, @PathParam("id") UUID id, @Valid @NotNull ActivityService.CancelActivity request) {
        return service.cancel(id, request);
    }

    @POST
    @Path("{id}/reschedule")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "改期: move an activity that has not begun (new time or place, with the reason); its invitees are told and reminded at the new time")
    public ActivityView reschedule(@PathParam("code") String code, @PathParam("id") UUID id, @Valid @NotNull ActivityService.Reschedule request,
                                   @HeaderParam(org.cppcc.platform.concurrency.IfMatch.HEADER) String ifMatch) {
        return service.reschedule(id, request, org.cppcc.platform.concurrency.IfMatch.version(ifMatch));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One consultation activity")
    public ActivityView get(@PathParam("code") String code, @PathParam("id") UUID id) {
        return service.get(id);
    }
}
