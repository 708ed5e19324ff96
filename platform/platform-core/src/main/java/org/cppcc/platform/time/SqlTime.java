package org.cppcc.platform.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Timestamps between native SQL and Java: a {@code timestamptz} column may come back as Timestamp, OffsetDateTime or Instant. */
public final class SqlTime {

    private SqlTime() {
    }

    public static Instant instant(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (column instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        return (Instant) column;
    }

    /** A {@code date} column, which may come back as java.sql.Date or LocalDate. */
    public static java.time.LocalDate date(Object column) {
        if (column == null) {
            return null;
        }
        return column instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) column;
    }

    /** A parameter for a {@code timestamptz} column, in UTC. */
    public static OffsetDateTime param(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
