package org.cppcc.proposals.cultivation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cppcc.platform.concurrency.IfMatch;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.platform.tenancy.SupervisedFromAbove;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;
import java.util.UUID;

@Path("/committees/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "cultivation", description = "四级联动: items recommended to the level above, adopted or declined there, followed both ways")
public class CultivationResource {

    private final Cultivations cultivations;

    public CultivationResource(Cultivations cultivations) {
        this.cultivations = cultivations;
    }

    @POST
    @Path("cultivation/recommendations")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "推荐: recommend a registered proposal or a 社情民意 report to the parent committee, with a note")
    public Response recommend(@PathParam("code") String code, @Valid @NotNull Cultivations.Recommend recommend) {
        Cultivations.Hop hop = cultivations.recommend(recommend);
        return Response.status(Response.Status.CREATED).entity(hop).build();
    }

    @GET
    @Path("cultivation/recommendations")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @SupervisedFromAbove
    @Operation(summary = "What this committee recommended upward (?status=), newest first, each with what became of it")
    public Page<Cultivations.Hop> recommended(@PathParam("code") String code, @QueryParam("status") String status,
                                              @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return cultivations.recommended(status(status), PageRequest.of(cursor, limit));
    }

    @GET
    @Path("cultivation/queue")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @SupervisedFromAbove
    @Operation(summary = "培育库: items the committees below recommended to this one (?status=RECOMMENDED for those waiting)")
    public Page<Cultivations.Hop> queue(@PathParam("code") String code, @QueryParam("status") String status,
                                        @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return cultivations.queue(status(status), PageRequest.of(cursor, limit));
    }

    @GET
    @Path("cultivation/items/{id}")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @SupervisedFromAbove
    @Operation(summary = "The journey of an item, every level it reached (any committee on the journey reads it)")
    public Cultivations.Journey journey(@PathParam("code") String code, @PathParam("id") UUID id) {
        return cultivations.journey(id);
    }

    @POST
    @Path("cultivation/items/{id}/adopt")
    @CommitteeRoles(Roles.PROPOSAL_OFFICE)
    @Operation(summary = "采纳: make the item a proposal of this committee (by a member here, or collective)")
    public Cultivations.Hop adopt(@PathParam("code") String code, @PathParam("id") UUID id, @Valid @NotNull Cultivations.Adopt adopt,
                                  @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return cultivations.adopt(id, adopt, IfMatch.version(ifMatch));
    }

    @POST
    @Path("cultivation/items/{id}/decline")
    @CommitteeRoles(Roles.PROPOSAL_OFFICE)
    @Operation(summary = "不予采纳: decline the item, with the reason the recommending committee reads")
    public Cultivations.Hop decline(@PathParam("code") String code, @PathParam("id") UUID id, @Valid @NotNull Cultivations.Decline decline,
                                    @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return cultivations.decline(id, decline, IfMatch.version(ifMatch));
    }

    @GET
    @Path("cultivation/statistics")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @SupervisedFromAbove
    @Operation(summary = "What this committee cultivated for each level above, and received from below (?year=)")
    public Cultivations.Statistics statistics(@PathParam("code") String code, @QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        return cultivations.statistics(year);
    }

    @GET
    @Path("proposals/{id}/lineage")
    @CommitteeRoles({Roles.MEMBER, Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN, Roles.HANDLING_UNIT})
    @Operation(summary = "溯源: where a proposal came from and where it went, level by level (whoever may read the proposal)")
    public Cultivations.Journey lineage(@PathParam("code") String code, @PathParam("id") UUID id) {
        return cultivations.lineage(id);
    }

    private static Cultivations.Status status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return Cultivations.Status.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("status is one of RECOMMENDED, ADOPTED, DECLINED");
        }
    }
}
