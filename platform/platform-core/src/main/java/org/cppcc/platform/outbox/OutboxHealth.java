package org.cppcc.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The outbox in readiness: its backlog, the age of its oldest waiting event and its parked events. Down only
 * when the relay is not running; a backlog while Kafka is away is what the outbox is for (the Kafka check
 * reports the broker), and parked rows are for operators, not a reason to stop taking requests.
 */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    private final OutboxRelay relay;

    public OutboxHealth(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxRelay.Backlog b = relay.backlog();
        return HealthCheckResponse.named("outbox").status(relay.alive())
                .withData("pending", b.pending()).withData("oldestAgeSeconds", b.oldestAgeSeconds()).withData("parked", b.parked()).build();
    }
}
