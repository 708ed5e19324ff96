package org.cppcc.notifications.delivery;

import org.cppcc.platform.tenancy.AcrossCommittees;
import jakarta.annotation.security.PermitAll;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.cppcc.platform.problem.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/** Delivery receipts from SMS gateways and push providers: a sent message was DELIVERED to the device, or FAILED. */
@AcrossCommittees("providers report on deliveries by their id, whatever the committee")
@Path("/channels/{channel}/receipts")
@PermitAll
@org.cppcc.platform.security.ProviderCallback
@Consumes("application/json")
@Tag(name = "receipts", description = "Callbacks for providers' delivery receipts")
public class ReceiptResource {

    public record Receipt(@NotBlank String messageId, @NotNull @Pattern(regexp = "DELIVERED|FAILED") String status, String error) {
    }

    private final EntityManager em;
    private final Optional<String> token;
    private final Clock clock;

    public ReceiptResource(EntityManager em, @ConfigProperty(name = "cppcc.notify.receipt-token") Optional<String> token, Clock clock) {
        this.em = em;
        this.token = token;
        this.clock = clock;
    }

    @POST
    @org.eclipse.microprofile.openapi.annotations.extensions.Extension(name = "x-provider-callback", value = "true")
    @Transactional
    @Operation(summary = "A provider reports the fate of a message it accepted (header X-Receipt-Token authenticates it)")
    public void receipt(@PathParam("channel") String channel, @HeaderParam("X-Receipt-Token") String given, @Valid @NotNull Receipt receipt) {
        if (token.isEmpty() || given == null || !MessageDigest.isEqual(token.get().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw Problems.unauthorized();
        }
        int updated = em.createNativeQuery("update delivery set status = ?1, delivered_at = case when ?1 = 'DELIVERED' then ?2 else delivered_at end, "
                        + "last_error = ?3 where channel = ?4 and provider_ref = ?5 and status in ('SENT', 'DELIVERED')")
                .setParameter(1, receipt.status()).setParameter(2, Dispatcher.ts(clock.instant())).setParameter(3, receipt.error())
                .setParameter(4, channel.toUpperCase()).setParameter(5, receipt.messageId()).executeUpdate();
        if (updated == 0) {
            throw Problems.notFound("message", receipt.messageId());
        }
    }
}
