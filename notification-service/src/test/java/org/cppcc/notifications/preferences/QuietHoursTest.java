package org.cppcc.notifications.preferences;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuietHoursTest {

    static Instant china(String local) {
        return ZonedDateTime.parse(local + "+08:00[Asia/Shanghai]").toInstant();
    }

    static final Preferences NIGHT = new Preferences("zh-CN", LocalTime.of(22, 0), LocalTime.of(7, 0), Map.of());

    @Test
    void quietHoursSpanMidnightInChinaTime() {
        assertTrue(NIGHT.quietAt(china("2026-11-23T23:30:00")));
        assertTrue(NIGHT.quietAt(china("2026-11-24T06:59:00")));
        assertFalse(NIGHT.quietAt(china("2026-11-24T07:00:00")));
        assertFalse(NIGHT.quietAt(china("2026-11-23T21:59:00")));
    }

    @Test
    void whatIsHeldAtNightGoesAtTheEndOfTheQuietHours() {
        assertEquals(china("2026-11-24T07:00:00"), NIGHT.quietOverAfter(china("2026-11-23T23:30:00")));
        assertEquals(china("2026-11-24T07:00:00"), NIGHT.quietOverAfter(china("2026-11-24T03:00:00")));
    }

    @Test
    void withoutQuietHoursNothingWaits() {
        assertFalse(new Preferences("zh-CN", null, null, Map.of()).quietAt(china("2026-11-24T03:00:00")));
    }
}
