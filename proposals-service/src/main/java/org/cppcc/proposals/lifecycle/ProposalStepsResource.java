package org.cppcc.proposals.lifecycle;

import static org.cppcc.platform.concurrency.IfMatch.version;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.problem.Problems;
import org.cppcc.proposals.handling.HandlingQueries;
import org.cppcc.proposals.joint.Cosigners;
import org.cppcc.proposals.lifecycle.ProposalLifecycle.Assign;
import org.cppcc.proposals.lifecycle.ProposalLifecycle.Feedback;
import org.cppcc.proposals.lifecycle.ProposalLifecycle.MarkKey;
import org.cppcc.proposals.lifecycle.ProposalLifecycle.Note;
import org.cppcc.proposals.lifecycle.ProposalLifecycle.Reason;
import org.cppcc.proposals.lifecycle.ProposalLifecycle.Reply;
import org.cppcc.proposals.submission.ProposalView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * The steps of one proposal. Each POST answers the proposal as it now is; send {@code If-Match: <version>}
 * to be told (409) when someone else changed it since you read it.
 */
@Path("/committees/{code}/proposals/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "proposal lifecycle", description = "审查、交办、办理、答复、反馈、公开、归档")
public class ProposalStepsResource {

    private final ProposalLifecycle lifecycle;
    private final Transitions transitions;
    private final ProposalAccess access;
    private final HandlingQueries handling;
    private final Cosigners cosigners;

    public ProposalStepsResource(ProposalLifecycle lifecycle, Transitions transitions, ProposalAccess access, HandlingQueries handling,
                                 Cosigners cosigners) {
        this.lifecycle = lifecycle;
        this.transitions = transitions;
        this.access = access;
        this.handling = handling;
        this.cosigners = cosigners;
    }

    @POST
    @Path("submit")
    @Operation(summary = "提交: the proposer submits a draft or a returned proposal")
    public ProposalView submit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return lifecycle.submit(id, version(ifMatch));
    }

    @POST
    @Path("withdraw")
    @Operation(summary = "撤回: the proposer withdraws it before registration")
    public ProposalView withdraw(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return lifecycle.withdraw(id, version(ifMatch));
    }

    @POST
    @Path("cosign")
    @Operation(summary = "联名: an invited member accepts (true) or declines (false) to co-sign, before the signing deadline")
    public ProposalView cosign(@PathParam("id") UUID id, @Valid @NotNull ProposalLifecycle.Cosign cosign) {
        return lifecycle.cosign(id, cosign);
    }

    @GET
    @Path("cosigners")
    @Operation(summary = "Its co-signers and their answers (only ACCEPTED ones count)")
    public List<Cosigners.CosignerView> cosigners(@PathParam("id") UUID id) {
        access.visible(id);
        return cosigners.of(id);
    }

    @POST
    @Path("merge")
    @Operation(summary = "并案: merge into a similar proposal ({\"into\": id}); its authors become co-proposers there")
    public ProposalView merge(@PathParam("id") UUID id, @Valid @NotNull ProposalLifecycle.Merge merge, @HeaderParam("If-Match") String ifMatch) {
        return lifecycle.merge(id, merge, version(ifMatch));
    }

    @POST
    @Path("return-request")
    @Operation(summary = "A unit asks to give back a proposal wrongly assigned to it (within the committee's window)")
    public ProposalView requestReturn(@PathParam("id") UUID id, @Valid @NotNull Reason reason) {
        return lifecycle.requestReturn(id, reason);
    }

    @POST
    @Path("reassign")
    @Operation(summary = "The office moves an assignment from one unit to another")
    public ProposalView reassign(@PathParam("id") UUID id, @Valid @NotNull ProposalLifecycle.Reassign reassign,
                                 @HeaderParam("If-Match") String ifMatch) {
        return lifecycle.reassign(id, reassign, version(ifMatch));
    }

    @POST
    @Path("register")
    @Operation(summary = "立案: the proposal office registers it under the session's next number")
    public ProposalView register(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return lifecycle.register(id, version(ifMatch));
    }

    @POST
    @Path("not-register")
    @Operation(summary = "不予立案, with a reason")
    public ProposalView notRegister(@PathParam("id") UUID id, @Valid @NotNull Reason reason, @HeaderParam("If-Match") String ifMatch) {
        return lifecycle.notRegister(id, reason, version(ifMatch));
    }

    @POST
    @Path("return")
    @Operation(summary = "退回修改: back to the proposer for revision, with a reason")
    public ProposalView returnForRevision(@PathParam("id") UUID id, @Valid @NotNull Reason reason, @HeaderParam("If-Match") String ifMatch) {
        return lifecycle.returnForRevision(id, reason, version(ifMatch));
    }

    @POST
    @Path("key")
    @Operation(summary = "重点提案: mark key, with its supervising leader")
    public ProposalView markKey(@PathParam("id") UUID id, @Valid @NotNull MarkKey key, @HeaderParam("If-Match") String ifMatch) {
        return lifecycle.markKey(id, key, version(ifMatch));
    }

    @POST
    @Path("assign")
    @Operation(summary = "交办: lead unit(s) and co-handling units, with a deadline (default: the committee's)")
    public ProposalView assign(@PathParam("id") UUID id, @Valid @NotNull Assign assign, @HeaderParam("If-Match") String ifMatch) {
        return lifecycle.assign(id, assign, version(ifMatch));
    }

    @POST
    @Path("notes")
    @Operation(summary = "办理过程: an assigned unit records contact with the proposer, progress, or (会办) its opinion to the lead")
    public void note(@PathParam("id") UUID id, @Valid @NotNull Note note) {
        lifecycle.note(id, note);
    }

    @POST
    @Path("reply")
    @Operation(summary = "答复: a lead unit replies, classified A (solved/adopted), B (planned) or C (for reference)")
    public ProposalView reply(@PathParam("id") UUID id, @Valid @NotNull Reply reply, @HeaderParam("If-Match") String ifMatch) {
        return lifecycle.reply(id, reply, version(ifMatch));
    }

    @POST
    @Path("feedback")
    @Operation(summary = "反馈: the proposer rates the reply and the contact; 不满意 in the first round starts 二次办理")
    public ProposalView feedback(@PathParam("id") UUID id, @Valid @NotNull Feedback feedback, @HeaderParam("If-Match") String ifMatch) {
        return lifecycle.feedback(id, feedback, version(ifMatch));
    }

    @POST
    @Path("publish")
    @Operation(summary = "公开: publish the proposal and its reply (secrecy review done; needs the proposer's consent)")
    public ProposalView publish(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return lifecycle.publishReply(id, version(ifMatch));
    }

    @POST
    @Path("archive")
    @Operation(summary = "归档: read-only from now on")
    public ProposalView archive(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return lifecycle.archive(id, version(ifMatch));
    }

    @GET
    @Path("history")
    @Operation(summary = "Every transition: who, in which role, when, from and to which state")
    public List<Transitions.TransitionView> history(@PathParam("id") UUID id) {
        access.visible(id);
        return transitions.history(id);
    }

    @GET
    @Path("assignments")
    @Operation(summary = "Its assignments (交办), per round")
    public List<HandlingQueries.AssignmentView> assignments(@PathParam("id") UUID id) {
        access.visible(id);
        return handling.ofProposal(id);
    }

    @GET
    @Path("replies")
    @Operation(summary = "Its reply letters (答复)")
    public List<HandlingQueries.ReplyView> replies(@PathParam("id") UUID id) {
        access.visible(id);
        return handling.replies(id);
    }

    @GET
    @Path("replies/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download an attachment of a reply")
    public jakarta.ws.rs.core.Response attachment(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        access.visible(id);
        HandlingQueries.File f = handling.attachment(id, attachmentId).orElseThrow(() -> Problems.notFound("attachment", attachmentId));
        String encoded = java.net.URLEncoder.encode(f.name(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return jakarta.ws.rs.core.Response.ok(f.content(), f.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded).build();
    }

    @jakarta.ws.rs.PUT
    @Path("reply-draft")
    @Operation(summary = "拟稿: a lead unit saves the reply it is writing")
    public void saveReplyDraft(@PathParam("id") UUID id, @Valid @NotNull ProposalLifecycle.ReplyDraft draft) {
        lifecycle.saveReplyDraft(id, draft);
    }

    @GET
    @Path("reply-draft")
    @Operation(summary = "The lead unit's saved reply draft (404 if none)")
    public ProposalLifecycle.ReplyDraft replyDraft(@PathParam("id") UUID id) {
        return lifecycle.replyDraft(id).orElseThrow(() -> Problems.notFound("reply draft of proposal", id));
    }

    @GET
    @Path("notes")
    @Operation(summary = "Its handling notes: contacts, progress, co-handlers' opinions")
    public List<HandlingQueries.NoteView> notes(@PathParam("id") UUID id) {
        access.visible(id);
        return handling.notes(id);
    }
}
