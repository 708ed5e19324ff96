package org.cppcc.proposals.reply;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cppcc.platform.problem.Problems;
import org.cppcc.proposals.handling.HandlingQueries;
import org.cppcc.proposals.lifecycle.ProposalAccess;
import org.cppcc.proposals.submission.ProposalView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

import static org.cppcc.platform.concurrency.IfMatch.version;

@Path("/committees/{code}/proposals/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "reply", description = "答复: reply letters, their attachments and drafts")
public class ReplyResource {

    private final ReplyService replies;
    private final ProposalAccess access;
    private final HandlingQueries queries;

    public ReplyResource(ReplyService replies, ProposalAccess access, HandlingQueries queries) {
        this.replies = replies;
        this.access = access;
        this.queries = queries;
    }

    @POST
    @Path("reply")
    @Operation(summary = "答复: a lead unit replies, classified A (solved/adopted), B (planned) or C (for reference)")
    public ProposalView reply(@PathParam("id") UUID id, @Valid @NotNull ReplyService.Reply reply, @HeaderParam("If-Match") String ifMatch) {
        return replies.reply(id, reply, version(ifMatch));
    }

    @GET
    @Path("replies")
    @Operation(summary = "Its reply letters (答复)")
    public List<HandlingQueries.ReplyView> replies(@PathParam("id") UUID id) {
        access.visible(id);
        return queries.replies(id);
    }

    @GET
    @Path("replies/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download an attachment of a reply (always as a download, never rendered in the page)")
    public Response attachment(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        access.visible(id);
        HandlingQueries.File f = queries.attachment(id, attachmentId).orElseThrow(() -> Problems.notFound("attachment", attachmentId));
        return org.cppcc.platform.attachments.Attachments.download(f.name(), f.contentType(), f.content());
    }

    @PUT
    @Path("reply-draft")
    @Operation(summary = "拟稿: a lead unit saves the reply it is writing")
    public void saveReplyDraft(@PathParam("id") UUID id, @Valid @NotNull ReplyService.ReplyDraft draft) {
        replies.saveDraft(id, draft);
    }

    @GET
    @Path("reply-draft")
    @Operation(summary = "The lead unit's saved reply draft (404 if none)")
    public ReplyService.ReplyDraft replyDraft(@PathParam("id") UUID id) {
        return replies.draft(id).orElseThrow(() -> Problems.notFound("reply draft of proposal", id));
    }
}
