package org.cppcc.consultation.opinions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/committees/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "opinions", description = "意见建议 of consultation activities: adoption, 成果转化, feedback")
public class OpinionResource {

    private final Opinions opinions;

    public OpinionResource(Opinions opinions) {
        this.opinions = opinions;
    }

    @POST
    @Path("activities/{id}/opinions")
    @CommitteeRoles({Roles.MEMBER, Roles.CONSULTATION_OFFICE})
    @Operation(summary = "Raise an opinion (those invited); the office records a guest's with authorName")
    public Opinions.OpinionView raise(@PathParam("id") UUID id, @Valid @NotNull Opinions.Raise r) {
        return opinions.raise(id, r);
    }

    @GET
    @Path("activities/{id}/opinions")
    @CommitteeRoles({Roles.MEMBER, Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "The activity's opinions (the office and leaders: all; a member: their own)")
    public List<Opinions.OpinionView> list(@PathParam("id") UUID id) {
        return opinions.ofActivity(id);
    }

    @POST
    @Path("opinions/{opinion}/merge")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE})
    @Operation(summary = "并: merge an opinion into one of the same activity that says the same")
    public Opinions.OpinionView merge(@PathParam("opinion") UUID opinion, @Valid @NotNull Opinions.Merge m) {
        return opinions.merge(opinion, m);
    }

    @POST
    @Path("opinions/{opinion}/adopt")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE})
    @Operation(summary = "采纳: the opinion was adopted (adoptedBy: a report, a department, a leader)")
    public Opinions.OpinionView adopt(@PathParam("opinion") UUID opinion, @Valid @NotNull Opinions.Adopt a) {
        return opinions.adopt(opinion, a);
    }

    @POST
    @Path("opinions/{opinion}/transform")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE})
    @Operation(summary = "成果转化: an adopted opinion became policy or action (department, result, on)")
    public Opinions.OpinionView transform(@PathParam("opinion") UUID opinion, @Valid @NotNull Opinions.Transform t) {
        return opinions.transform(opinion, t);
    }

    @POST
    @Path("opinions/{opinion}/feedback")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE})
    @Operation(summary = "反馈: tell the one who gave it what became of it")
    public Opinions.OpinionView feedback(@PathParam("opinion") UUID opinion, @Valid @NotNull Opinions.Feedback f) {
        return opinions.feedback(opinion, f);
    }
}
