package org.cppcc.platform.events.contracts;

/** A consultation activity was called off: its reminders stop and its participants are told. */
public record ActivityCancelled(String activityId, String title, String reason) {
}
