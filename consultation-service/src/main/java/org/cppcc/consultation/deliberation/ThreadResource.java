package org.cppcc.consultation.deliberation;

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
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/committees/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "deliberation", description = "网络议政: the moderated thread of an online activity")
public class ThreadResource {

    private final Threads threads;

    public ThreadResource(Threads threads) {
        this.threads = threads;
    }

    @POST
    @Path("activities/{id}/posts")
    @CommitteeRoles({Roles.MEMBER})
    @Operation(summary = "Post (or reply to a published post, parentId) in an online activity's thread; it waits for moderation")
    public Threads.PostView post(@PathParam("id") UUID id, @Valid @NotNull Threads.Post p) {
        return threads.post(id, p);
    }

    @GET
    @Path("activities/{id}/posts")
    @CommitteeRoles({Roles.MEMBER, Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "The thread: published posts and one's own; the office: all, or ?status=PENDING (the moderation queue)")
    public List<Threads.PostView> thread(@PathParam("id") UUID id, @QueryParam("status") String status) {
        return threads.thread(id, status);
    }

    @POST
    @Path("posts/{post}/publish")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE})
    @Operation(summary = "Publish a waiting post")
    public Threads.PostView publish(@PathParam("post") UUID post) {
        return threads.publish(post);
    }

    @POST
    @Path("posts/{post}/hide")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE})
    @Operation(summary = "Hide a post with the reason (its author still sees it, with the reason)")
    public Threads.PostView hide(@PathParam("post") UUID post, @Valid @NotNull Threads.Hide h) {
        return threads.hide(post, h);
    }
}
