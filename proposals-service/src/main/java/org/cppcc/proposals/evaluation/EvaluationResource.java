package org.cppcc.proposals.evaluation;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cppcc.platform.concurrency.IfMatch;
import org.cppcc.platform.exports.TableWriter;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.platform.tenancy.SupervisedFromAbove;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/committees/{code}/evaluation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "evaluation", description = "考评: 优秀提案 nominations and awards; the handling units' ranking and 优秀承办单位")
public class EvaluationResource {

    private final Evaluation evaluation;

    public EvaluationResource(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    @POST
    @Path("excellent-proposals/nominations/{proposalId}")
    @CommitteeRoles(Roles.PROPOSAL_OFFICE)
    @Operation(summary = "推荐优秀提案: nominate a registered proposal of the committee, with the reason (once)")
    public Evaluation.Nomination nominate(@PathParam("code") String code, @PathParam("proposalId") UUID proposalId,
                                          @Valid @NotNull Evaluation.Nominate nominate) {
        return evaluation.nominate(proposalId, nominate);
    }

    @GET
    @Path("excellent-proposals")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "A session's nominations and their outcome (default: the current session)")
    public List<Evaluation.Nomination> nominations(@PathParam("code") String code, @QueryParam("term") Integer term,
                                                   @QueryParam("session") Integer session) {
        return evaluation.nominations(term, session);
    }

    @POST
    @Path("excellent-proposals/{nominationId}/award")
    @CommitteeRoles(Roles.PROPOSAL_OFFICE)
    @Operation(summary = "评为优秀提案: record the award (announced; the author's 履职 counts it); once, If-Match optional")
    public Evaluation.Nomination award(@PathParam("code") String code, @PathParam("nominationId") UUID id,
                                       @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return evaluation.award(id, IfMatch.version(ifMatch));
    }

    @POST
    @Path("excellent-proposals/{nominationId}/not-awarded")
    @CommitteeRoles(Roles.PROPOSAL_OFFICE)
    @Operation(summary = "Record that a nominated proposal was not awarded; once, If-Match optional")
    public Evaluation.Nomination notAwarded(@PathParam("code") String code, @PathParam("nominationId") UUID id,
                                            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return evaluation.notAwarded(id, IfMatch.version(ifMatch));
    }

    @GET
    @Path("weights")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "The committee's weights for ranking its units (default 0.3 reply rate, 0.3 on time, 0.3 satisfaction, 0.1 A share)")
    public Evaluation.Weights weights(@PathParam("code") String code) {
        return evaluation.weights();
    }

    @PUT
    @Path("weights")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "Set the weights: each 0–1, together 1 (400 otherwise, nothing changed)")
    public Evaluation.Weights setWeights(@PathParam("code") String code, @Valid @NotNull Evaluation.Weights weights) {
        return evaluation.setWeights(weights);
    }

    @GET
    @Path("units")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @SupervisedFromAbove
    @Operation(summary = "The handling units of a session ranked by the committee's weights, with 优秀承办单位 marked")
    public Evaluation.Ranking ranking(@PathParam("code") String code, @QueryParam("term") Integer term, @QueryParam("session") Integer session) {
        return evaluation.ranking(term, session);
    }

    @GET
    @Path("units/export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @SupervisedFromAbove
    @Operation(summary = "The units' ranking as a file (承办单位考评排名, then the weights); ?format=csv|xlsx (default xlsx)")
    public Response exportRanking(@PathParam("code") String code, @QueryParam("term") Integer term, @QueryParam("session") Integer session,
                                  @QueryParam("format") String format) {
        TableWriter.Format f = TableWriter.Format.parse(format);
        return TableWriter.download(evaluation.exportRanking(term, session, f), f, code + "-承办单位考评");
    }

    @PUT
    @Path("excellent-units")
    @CommitteeRoles(Roles.PROPOSAL_OFFICE)
    @Operation(summary = "优秀承办单位: the session's selection (replaces an earlier one); returns the ranking")
    public Evaluation.Ranking selectExcellentUnits(@PathParam("code") String code, @QueryParam("term") Integer term,
                                                   @QueryParam("session") Integer session, @Valid @NotNull Evaluation.SelectUnits units) {
        return evaluation.selectExcellentUnits(term, session, units);
    }
}
