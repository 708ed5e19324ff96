package org.cppcc.notifications.inbox;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One inbox item. Not tenant-filtered: a person's inbox spans every committee they belong to, and is
 * scoped instead by its audience (the reader's user id, or a committee role they hold).
 */
@Entity
@Table(name = "notification")
public class Notification {

    /** USER: one person (Keycloak subject); ROLE: a role in a committee ("440112/proposal-office"); UNIT: a handling unit's officers. */
    public enum AudienceKind { USER, ROLE, UNIT }

    @Id
    public UUID id;
    public String committee;
    @Enumerated(EnumType.STRING)
    public AudienceKind audienceKind;
    public String audience;
    public String category;
    public String title;
    public String body;
    public String link;
    public String eventId;
    /** HIGH, NORMAL or LOW (from the category) */
    public String priority;
    /** the data the texts were rendered from (JSON), kept to render other channels and locales */
    public String data;
    public Instant createdAt;

    /** The audience key of a committee role, e.g. {@code 440112/proposal-office}. */
    public static String roleAudience(String committee, String role) {
        return committee + "/" + role;
    }
}
