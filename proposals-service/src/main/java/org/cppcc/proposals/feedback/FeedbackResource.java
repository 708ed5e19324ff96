package org.cppcc.proposals.feedback;

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
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.proposals.handling.HandlingQueries;
import org.cppcc.proposals.submission.ProposalView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

import static org.cppcc.platform.concurrency.IfMatch.version;

@Path("/committees/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "feedback", description = "反馈: the proposer's and co-signers' ratings of replies")
public class FeedbackResource {

    private final FeedbackService feedback;
    private final HandlingQueries queries;

    public FeedbackResource(FeedbackService feedback, HandlingQueries queries) {
        this.feedback = feedback;
        this.queries = queries;
    }

    @POST
    @Path("proposals/{id}/feedback")
    @Operation(summary = "反馈: the proposer rates the reply and the contact; 不满意 in the first round starts 二次办理")
    public ProposalView feedback(@PathParam("id") UUID id, @Valid @NotNull FeedbackService.Feedback body,
                                 @HeaderParam("If-Match") String ifMatch) {
        return feedback.feedback(id, body, version(ifMatch));
    }

    @GET
    @Path("feedback")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER})
    @Operation(summary = "反馈情况: the ratings proposers and co-signers gave, newest first (cursor, limit)")
    public Page<HandlingQueries.FeedbackView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return queries.feedback(PageRequest.of(cursor, limit));
    }
}
