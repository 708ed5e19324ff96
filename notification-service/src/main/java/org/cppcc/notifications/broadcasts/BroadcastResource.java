package org.cppcc.notifications.broadcasts;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cppcc.notifications.directory.Directory;
import org.cppcc.platform.idempotency.Idempotency;
import org.cppcc.platform.idempotency.Idempotency.Created;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

@Path("/committees/{code}/broadcasts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@CommitteeRoles({Roles.COMMITTEE_ADMIN, Roles.PROPOSAL_OFFICE, Roles.CONSULTATION_OFFICE, Roles.LEADER})
@Tag(name = "broadcasts", description = "通知公告: announcements to every member of the committee")
public class BroadcastResource {

    public record Announce(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 5000) String body) {
    }

    public record BroadcastView(String id, String title, String body, Broadcast.Status status, int recipients, int fannedOut, Instant createdAt) {
        static BroadcastView of(Broadcast b) {
            return new BroadcastView(b.id.toString(), b.title, b.body, b.status, b.recipients, b.fannedOut, b.createdAt);
        }
    }

    private final EntityManager em;
    private final Directory directory;
    private final Idempotency idempotency;
    private final CommitteeContext committee;
    private final Caller caller;
    private final Clock clock;

    public BroadcastResource(EntityManager em, Directory directory, Idempotency idempotency, CommitteeContext committee, Caller caller,
                             Clock clock) {
        this.em = em;
        this.directory = directory;
        this.idempotency = idempotency;
        this.committee = committee;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Transactional
    @Operation(summary = "Announce to every member of the committee (their inbox, and e-mail/SMS/push as each prefers)")
    public Response announce(@PathParam("code") String code, @Valid @NotNull Announce announce,
                             @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context UriInfo uri) {
        Created<BroadcastView> created = idempotency.once(idempotencyKey, "broadcast:" + committee.code() + ":" + caller.userId(),
                BroadcastView.class, () -> {
                    Broadcast b = new Broadcast();
                    b.id = Ids.newId();
                    b.title = announce.title().strip();
                    b.body = announce.body();
                    b.createdBy = caller.userId();
                    b.createdAt = clock.instant();
                    b.status = Broadcast.Status.PENDING;
                    b.recipients = (int) directory.memberCount(committee.code());
                    em.persist(b);
                    return new Created<>(b.id.toString(), BroadcastView.of(b));
                });
        return Response.accepted(created.body()).location(uri.getAbsolutePathBuilder().path(created.id()).build()).build();
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "How far an announcement has got")
    public BroadcastView get(@PathParam("code") String code, @PathParam("id") UUID id) {
        return em.createQuery("from Broadcast b where b.id = :id", Broadcast.class).setParameter("id", id).getResultStream().findFirst()
                .map(BroadcastView::of).orElseThrow(() -> Problems.notFound("broadcast", id));
    }
}
