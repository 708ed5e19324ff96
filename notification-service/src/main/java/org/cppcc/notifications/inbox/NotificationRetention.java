package org.cppcc.notifications.inbox;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.cppcc.platform.retention.Retention;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * How long notification-service keeps its own rows: a delivery that reached its end (sent, delivered, skipped,
 * failed) for 90 days (receipts and the dead-letter list look back that far), a notification for a year
 * (its reads and deliveries go with it).
 */
@ApplicationScoped
public class NotificationRetention {

    @Produces
    @Singleton
    @Unremovable
    Retention.Rule deliveries(@ConfigProperty(name = "cppcc.retention.deliveries", defaultValue = "90d") Duration keep) {
        return new Retention.Rule("delivery", "created_at", keep, "status in ('SENT', 'DELIVERED', 'SKIPPED', 'FAILED')");
    }

    @Produces
    @Singleton
    @Unremovable
    Retention.Rule notifications(@ConfigProperty(name = "cppcc.retention.notifications", defaultValue = "365d") Duration keep) {
        return new Retention.Rule("notification", "created_at", keep, null);
    }
}
