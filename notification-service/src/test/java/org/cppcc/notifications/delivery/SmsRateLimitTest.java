package org.cppcc.notifications.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmsRateLimitTest {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    @Test
    void underTheLimitAnSmsGoesNow() {
        assertEquals(NOW, new SmsRateLimit(3).allowedAt(List.of(NOW.minusSeconds(60), NOW.minusSeconds(30)), NOW));
    }

    @Test
    void atTheLimitTheNextWaitsUntilTheOldestLeavesTheHour() {
        List<Instant> sent = List.of(NOW.minus(Duration.ofMinutes(50)), NOW.minus(Duration.ofMinutes(20)), NOW.minus(Duration.ofMinutes(5)));
        assertEquals(NOW.plus(Duration.ofMinutes(10)), new SmsRateLimit(3).allowedAt(sent, NOW));
        assertEquals(NOW.plus(Duration.ofMinutes(40)), new SmsRateLimit(2).allowedAt(sent, NOW));
    }
}
