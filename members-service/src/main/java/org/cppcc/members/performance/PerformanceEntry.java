package org.cppcc.members.performance;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One 履职 entry. Carries its committee but is not tenant-filtered: a member reads their record across
 * every committee they belong to (scoped by their user id instead).
 */
@Entity
@Table(name = "performance_entry")
public class PerformanceEntry {

    @Id
    public UUID id;
    public String committee;
    public String userId;
    @Enumerated(EnumType.STRING)
    public PerformanceKind kind;
    public String title;
    /** What proves it, e.g. ("proposal", its id). */
    public String evidenceType;
    public String evidenceId;
    /** The event (or confirmed self-record) that caused it: unique, so nothing counts twice. */
    public String sourceEventId;
    public Instant occurredAt;
    public Instant recordedAt;
}
