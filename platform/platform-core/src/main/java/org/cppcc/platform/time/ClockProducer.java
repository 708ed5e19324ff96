package org.cppcc.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The one clock for deadlines, reminders and quiet hours: the system clock, unless a test supplies its
 * own {@link Clock} bean (this one is only a default).
 */
@ApplicationScoped
public class ClockProducer {

    /** Committees keep China Standard Time: quiet hours, digests and dates in messages are in it. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
