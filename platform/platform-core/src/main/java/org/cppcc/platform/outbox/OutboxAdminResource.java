package org.cppcc.platform.outbox;

import org.cppcc.platform.tenancy.AcrossCommittees;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.platform.time.SqlTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Operators: the outbox's parked events (Kafka refused them for good) and their replay once the cause is fixed. */
@AcrossCommittees("operators handle the service's outbox")
@Path("/admin/outbox")
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations", description = "运维: outbox and dead letters")
public class OutboxAdminResource {

    public record ParkedEvent(String id, String topic, String key, String type, String committee, Instant createdAt, int attempts,
                              String lastError, Instant parkedAt, int payloadBytes) {
    }

    private final EntityManager em;
    private final OutboxRelay relay;

    public OutboxAdminResource(EntityManager em, OutboxRelay relay) {
        this.em = em;
        this.relay = relay;
    }

    @GET
    @Path("parked")
    @Transactional
    @Operation(summary = "Parked outbox events, oldest first (at most 500), and the backlog")
    public List<ParkedEvent> parked() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, topic, message_key, type, committee, created_at, attempts, last_error, parked_at, "
                + "octet_length(payload) from outbox_event where parked_at is not null and published_at is null order by created_at, id limit 500")
                .getResultList();
        return rows.stream().map(r -> new ParkedEvent(r[0].toString(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                SqlTime.instant(r[5]), ((Number) r[6]).intValue(), (String) r[7], SqlTime.instant(r[8]), ((Number) r[9]).intValue())).toList();
    }

    @GET
    @Path("backlog")
    @Operation(summary = "Events waiting for Kafka, the age of the oldest, and parked events (as last measured by the relay)")
    public OutboxRelay.Backlog backlog() {
        return relay.backlog();
    }

    @POST
    @Path("{id}/replay")
    @Transactional
    @Operation(summary = "Put a parked event back in line (its attempts start again)")
    public void replay(@PathParam("id") UUID id) {
        int n = em.createNativeQuery("update outbox_event set parked_at = null, attempts = 0 where id = ?1 and parked_at is not null "
                + "and published_at is null").setParameter(1, id).executeUpdate();
        if (n == 0) {
            throw Problems.notFound("parked outbox event", id);
        }
        relay.wakeUp();
    }
}
