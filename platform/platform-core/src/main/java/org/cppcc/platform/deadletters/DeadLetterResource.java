package org.cppcc.platform.deadletters;

import org.cppcc.platform.tenancy.AcrossCommittees;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Operators: events this service's consumers gave up on, why, and their replay after the fix. */
@AcrossCommittees("operators handle the service's dead letters")
@Path("/admin/dead-letters")
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations", description = "运维: outbox and dead letters")
public class DeadLetterResource {

    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @Operation(summary = "Dead letters of this service's consumers, newest first, with the reason and whether they were replayed")
    public List<DeadLetters.DeadLetter> list() {
        return deadLetters.list();
    }

    @GET
    @Path("{topic}/{partition}/{offset}")
    @Operation(summary = "One dead letter with its message")
    public DeadLetters.DeadLetter get(@PathParam("topic") String topic, @PathParam("partition") int partition,
                                      @PathParam("offset") long offset) {
        return deadLetters.get(topic, partition, offset);
    }

    @POST
    @Path("{topic}/{partition}/{offset}/replay")
    @Operation(summary = "Replay a dead letter through this service's consumer (once; an event already processed has no second effect)")
    public DeadLetters.DeadLetter replay(@PathParam("topic") String topic, @PathParam("partition") int partition,
                                         @PathParam("offset") long offset) {
        return deadLetters.replay(topic, partition, offset);
    }
}
