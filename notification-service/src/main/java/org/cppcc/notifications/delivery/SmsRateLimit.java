package org.cppcc.notifications.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** At most {@code max} SMS to one person in any sliding hour: SMS costs money and wakes people. */
public record SmsRateLimit(int max) {

    static final Duration WINDOW = Duration.ofHours(1);

    /**
     * @param sentInWindow when this person's SMS of the last hour were sent, oldest first
     * @return now if one more may go out, else the moment the oldest one leaves the window
     */
    public Instant allowedAt(List<Instant> sentInWindow, Instant now) {
        if (sentInWindow.size() < max) {
            return now;
        }
        Instant freed = sentInWindow.get(sentInWindow.size() - max).plus(WINDOW);
        return freed.isAfter(now) ? freed : now;
    }
}
