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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/committees/{code}/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "statistics", description = "提案统计 and the handling units' evaluation figures (考评), per session")
public class StatisticsResource {

    private final ProposalStatistics statistics;

    public StatisticsResource(ProposalStatistics statistics) {
        this.statistics = statistics;
    }

    @GET
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @SupervisedFromAbove
    @Operation(summary = "A session's figures (default: the current one): filed, registered, by state, kind and sector; per unit lead and "
            + "co-handled, replied and on time (办复率), A/B/C, ratings (满意率), open, overdue and re-handled; clues; the year's 社情民意")
    public ProposalStatistics.Statistics of(@PathParam("code") String code, @QueryParam("term") Integer term,
                                            @QueryParam("session") Integer session, @QueryParam("year") Integer year) {
        return statistics.of(term, session, year);
    }
}
