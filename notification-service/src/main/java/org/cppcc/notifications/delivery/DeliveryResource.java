package org.cppcc.notifications.delivery;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

@Path("/committees/{code}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@CommitteeRoles({Roles.COMMITTEE_ADMIN, Roles.PROPOSAL_OFFICE, Roles.CONSULTATION_OFFICE, Roles.LEADER})
@Tag(name = "deliveries", description = "发送记录: the committee's e-mail, SMS and push deliveries, and the dead-letter list")
public class DeliveryResource {

    public record DeliveryView(String id, String notificationId, String userId, Channel channel, DeliveryStatus status, int attempts,
                               Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt, Instant deliveredAt) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id.toString(), d.notificationId.toString(), d.userId, d.channel, d.status, d.attempts, d.nextAttemptAt,
                    d.lastError, d.createdAt, d.sentAt, d.deliveredAt);
        }
    }

    private final EntityManager em;
    private final Clock clock;

    public DeliveryResource(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @GET
    @Transactional
    @Operation(summary = "Deliveries of this committee, newest first; status=FAILED is the dead-letter list")
    public Page<DeliveryView> list(@PathParam("code") String code, @QueryParam("status") DeliveryStatus status,
                                   @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        var q = em.createQuery("from Delivery d where 1 = 1" + (status != null ? " and d.status = :status" : "")
                + (page.after() != null ? " and d.id < :after" : "") + " order by d.id desc", Delivery.class).setMaxResults(page.fetchSize());
        if (status != null) {
            q.setParameter("status", status);
        }
        if (page.after() != null) {
            q.setParameter("after", page.after());
        }
        return Page.of(q.getResultList(), page, d -> d.id.toString(), DeliveryView::of);
    }

    @POST
    @Path("{id}/retry")
    @Transactional
    @Operation(summary = "Send a failed delivery again (from the dead-letter list)")
    public DeliveryView retry(@PathParam("code") String code, @PathParam("id") UUID id) {
        Delivery d = em.createQuery("from Delivery d where d.id = :id", Delivery.class).setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> Problems.notFound("delivery", id));
        if (d.status != DeliveryStatus.FAILED) {
            throw Problems.conflict("only a failed delivery can be retried; this one is " + d.status);
        }
        d.status = DeliveryStatus.QUEUED;
        d.attempts = 0;
        d.nextAttemptAt = clock.instant();
        d.lastError = "retried by staff";
        em.flush();
        return DeliveryView.of(d);
    }
}
