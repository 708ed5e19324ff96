package org.cppcc.notifications.routing;

import org.cppcc.notifications.inbox.Notification.AudienceKind;

import java.util.Map;

/** A message to one audience before it is stored: its texts come from the category's templates and the data. */
public record Message(AudienceKind kind, String audience, Category category, Map<String, Object> data, String link) {
}
