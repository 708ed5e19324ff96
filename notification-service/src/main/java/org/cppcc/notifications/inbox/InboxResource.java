package org.cppcc.notifications.inbox;

import org.cppcc.platform.tenancy.AcrossCommittees;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.cppcc.notifications.inbox.InboxService.NotificationView;
import org.cppcc.notifications.inbox.InboxService.UnreadCount;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@AcrossCommittees("a person's inbox holds what every committee of theirs sent them")
@Path("/me/notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "inbox", description = "站内信: the caller's own in-app inbox")
public class InboxResource {

    private final InboxService inbox;

    public InboxResource(InboxService inbox) {
        this.inbox = inbox;
    }

    @GET
    @Operation(summary = "My notifications, newest first (unread=true for unread only)")
    public Page<NotificationView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                       @QueryParam("unread") boolean unread) {
        return inbox.list(PageRequest.of(cursor, limit), unread);
    }

    @GET
    @Path("unread-count")
    @Operation(summary = "How many of my notifications are unread (the app's badge)")
    public UnreadCount unreadCount() {
        return inbox.unreadCount();
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "New notifications for me, live (server-sent events, each with its id). Send Last-Event-ID on reconnect "
            + "to receive first what was missed (up to 100); the stream ends when the token expires (reconnect with a fresh one)")
    public Multi<OutboundSseEvent> stream(@Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId) {
        return inbox.liveFeed(lastEventId).map(v -> sse.newEventBuilder().id(v.id()).name("notification")
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(NotificationView.class, v).build());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of my notifications, with its delivery status per channel (queued, sent, delivered, failed…)")
    public InboxService.NotificationDetail get(@PathParam("id") UUID id) {
        return inbox.get(id);
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Mark one of my notifications read")
    public void markRead(@PathParam("id") UUID id) {
        inbox.markRead(id);
    }
}
