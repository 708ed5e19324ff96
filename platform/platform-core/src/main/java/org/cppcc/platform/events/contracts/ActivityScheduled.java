package org.cppcc.platform.events.contracts;

import java.time.Instant;

/** A consultation activity (协商活动) was scheduled. */
public record ActivityScheduled(String activityId, String form, String title, Instant startsAt, String location) {
}
