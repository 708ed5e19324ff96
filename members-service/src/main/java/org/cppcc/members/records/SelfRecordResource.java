package org.cppcc.members.records;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cppcc.members.records.SelfRecords.NewRecord;
import org.cppcc.members.records.SelfRecords.NewVisit;
import org.cppcc.members.records.SelfRecords.NewWorkstation;
import org.cppcc.members.records.SelfRecords.RecordView;
import org.cppcc.members.records.SelfRecords.Review;
import org.cppcc.members.records.SelfRecords.VisitView;
import org.cppcc.members.records.SelfRecords.WorkstationView;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/committees/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "duty performance", description = "履职: members' own records and 委员工作站 visits, confirmed by staff")
public class SelfRecordResource {

    private final SelfRecords records;
    private final CommitteeContext committee;
    private final Caller caller;

    public SelfRecordResource(SelfRecords records, CommitteeContext committee, Caller caller) {
        this.records = records;
        this.committee = committee;
        this.caller = caller;
    }

    @POST
    @Path("performance/records")
    @CommitteeRoles(Roles.MEMBER)
    @Operation(summary = "Record something I did (constituents contacted, a practical thing done, learning); counts once staff confirm")
    public Response submit(@PathParam("code") String code, @Valid @NotNull NewRecord record) {
        RecordView v = records.submit(record);
        return Response.created(URI.create("/committees/" + code + "/performance/records/" + v.id())).entity(v).build();
    }

    @GET
    @Path("performance/records")
    @CommitteeRoles({Roles.MEMBER, Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Self-records, newest first (?status=PENDING|CONFIRMED|REJECTED): staff see all, a member their own")
    public Page<RecordView> list(@PathParam("code") String code, @QueryParam("status") String status, @QueryParam("cursor") String cursor,
                                 @QueryParam("limit") Integer limit) {
        return records.list(status, staff(), PageRequest.of(cursor, limit));
    }

    @POST
    @Path("performance/records/{id}/confirm")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE, Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Confirm a member's record: it becomes a 履职 entry")
    public RecordView confirm(@PathParam("code") String code, @PathParam("id") UUID id, @Valid Review review) {
        return records.confirm(id, review);
    }

    @POST
    @Path("performance/records/{id}/reject")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE, Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Reject a member's record, saying why")
    public RecordView reject(@PathParam("code") String code, @PathParam("id") UUID id, @Valid Review review) {
        return records.reject(id, review);
    }

    @POST
    @Path("workstations")
    @CommitteeRoles({Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Register a 委员工作站 of the committee")
    public Response addWorkstation(@PathParam("code") String code, @Valid @NotNull NewWorkstation w) {
        WorkstationView v = records.addWorkstation(w);
        return Response.created(URI.create("/committees/" + code + "/workstations/" + v.id())).entity(v).build();
    }

    @GET
    @Path("workstations")
    @CommitteeRoles({Roles.MEMBER, Roles.PROPOSAL_OFFICE, Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "The committee's workstations")
    public List<WorkstationView> workstations(@PathParam("code") String code) {
        return records.workstations();
    }

    @POST
    @Path("workstations/{id}/visits")
    @CommitteeRoles(Roles.MEMBER)
    @Operation(summary = "Log my visit at a workstation (people received, cases taken up); it is my record for staff to confirm")
    public Response logVisit(@PathParam("code") String code, @PathParam("id") UUID id, @Valid @NotNull NewVisit visit) {
        VisitView v = records.logVisit(id, visit);
        return Response.created(URI.create("/committees/" + code + "/workstations/" + id + "/visits/" + v.id())).entity(v).build();
    }

    @GET
    @Path("workstations/{id}/visits")
    @CommitteeRoles({Roles.MEMBER, Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "A workstation's visit log, newest first: staff see all, a member their own")
    public List<VisitView> visits(@PathParam("code") String code, @PathParam("id") UUID id) {
        return records.visits(id, staff());
    }

    private boolean staff() {
        return committee.has(Roles.CONSULTATION_OFFICE) || committee.has(Roles.LEADER) || committee.has(Roles.COMMITTEE_ADMIN)
                || caller.platformAdmin();
    }
}
