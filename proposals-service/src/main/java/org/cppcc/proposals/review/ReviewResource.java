package org.cppcc.proposals.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.proposals.review.ReviewService.Reason;
import org.cppcc.proposals.submission.ProposalView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

import static org.cppcc.platform.concurrency.IfMatch.version;

/** Each POST answers the proposal as it now is; send {@code If-Match: <version>} to be told (409) when it changed since you read it. */
@Path("/committees/{code}/proposals/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "review", description = "审查: 立案、不予立案、退回修改、并案")
public class ReviewResource {

    private final ReviewService review;

    public ReviewResource(ReviewService review) {
        this.review = review;
    }

    @POST
    @Path("register")
    @Operation(summary = "立案: the proposal office registers it under the session's next number")
    public ProposalView register(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return review.register(id, version(ifMatch));
    }

    @POST
    @Path("not-register")
    @Operation(summary = "不予立案, with a reason")
    public ProposalView notRegister(@PathParam("id") UUID id, @Valid @NotNull Reason reason, @HeaderParam("If-Match") String ifMatch) {
        return review.notRegister(id, reason, version(ifMatch));
    }

    @POST
    @Path("return")
    @Operation(summary = "退回修改: back to the proposer for revision, with a reason")
    public ProposalView returnForRevision(@PathParam("id") UUID id, @Valid @NotNull Reason reason, @HeaderParam("If-Match") String ifMatch) {
        return review.returnForRevision(id, reason, version(ifMatch));
    }

    @POST
    @Path("merge")
    @Operation(summary = "并案: merge into a similar proposal ({\"into\": id}); its authors become co-proposers there")
    public ProposalView merge(@PathParam("id") UUID id, @Valid @NotNull ReviewService.Merge merge, @HeaderParam("If-Match") String ifMatch) {
        return review.merge(id, merge, version(ifMatch));
    }
}
