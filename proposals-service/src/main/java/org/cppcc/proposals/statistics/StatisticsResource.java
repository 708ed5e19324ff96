package org.cppcc.proposals.statistics;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.platform.tenancy.SupervisedFromAbove;
import jakarta.ws.rs.core.Response;
import org.cppcc.proposals.exports.Exports;
import org.cppcc.platform.exports.TableWriter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/committees/{code}/statistics")
@Tag(name = "statistics", description = "提案统计 and the handling units' evaluation figures (考评), per session")
public class StatisticsResource {

    private final ProposalStatistics statistics;
    private final Exports exports;

    public StatisticsResource(ProposalStatistics statistics, Exports exports) {
        this.statistics = statistics;
        this.exports = exports;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @SupervisedFromAbove
    @Operation(summary = "A session's figures (default: the current one): filed, registered, by state, kind and sector; per unit lead and "
            + "co-handled, replied and on time (办复率), A/B/C, ratings (满意率), open, overdue and re-handled; clues; the year's 社情民意")
    public ProposalStatistics.Statistics of(@PathParam("code") String code, @QueryParam("term") Integer term,
                                            @QueryParam("session") Integer session, @QueryParam("year") Integer year) {
        return statistics.of(term, session, year);
    }

    @GET
    @Path("export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @SupervisedFromAbove
    @Operation(summary = "A session's statistics as a file: overview, sectors and the units' evaluation table (考评); ?format=csv|xlsx (default xlsx)")
    public Response export(@PathParam("code") String code, @QueryParam("term") Integer term, @QueryParam("session") Integer session,
                           @QueryParam("year") Integer year, @QueryParam("format") String format) {
        TableWriter.Format f = TableWriter.Format.parse(format);
        return TableWriter.download(exports.statistics(term, session, year, f), f, code + "-提案统计");
    }
}
