package org.cppcc.notifications.preferences;

import org.cppcc.notifications.delivery.Channel;
import org.cppcc.notifications.routing.Category;
import org.cppcc.platform.time.ClockProducer;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

/**
 * One person's choices: locale, quiet hours (no SMS or push then; the inbox and e-mail still get
 * everything) and, per category, the channels and whether e-mails wait for the daily digest.
 */
public record Preferences(String locale, LocalTime quietStart, LocalTime quietEnd, Map<Category, Choice> choices) {

    public record Choice(Set<Channel> channels, boolean digest) {
    }

    /** Quiet from 22:00 to 07:00 China time unless the person says otherwise. */
    public static final LocalTime DEFAULT_QUIET_START = LocalTime.of(22, 0);
    public static final LocalTime DEFAULT_QUIET_END = LocalTime.of(7, 0);

    public Choice choice(Category category) {
        return choices.getOrDefault(category, new Choice(category.defaultChannels(), category.defaultDigest()));
    }

    public boolean wants(Category category, Channel channel) {
        return channel == Channel.INBOX || choice(category).channels().contains(channel);
    }

    public boolean digest(Category category) {
        return choice(category).digest();
    }

    public boolean quietAt(Instant t) {
        if (quietStart == null || quietEnd == null || quietStart.equals(quietEnd)) {
            return false;
        }
        LocalTime time = t.atZone(ClockProducer.CHINA).toLocalTime();
        return quietStart.isBefore(quietEnd)
                ? !time.isBefore(quietStart) && time.isBefore(quietEnd)
                : !time.isBefore(quietStart) || time.isBefore(quietEnd);
    }

    /** The first moment after t when the quiet hours are over. */
    public Instant quietOverAfter(Instant t) {
        ZonedDateTime local = t.atZone(ClockProducer.CHINA);
        ZonedDateTime end = local.with(quietEnd).withSecond(0).withNano(0);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}
