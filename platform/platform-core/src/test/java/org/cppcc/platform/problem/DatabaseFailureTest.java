package org.cppcc.platform.problem;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.cppcc.platform.problem.Problems.DatabaseFailure.CONCURRENT;
import static org.cppcc.platform.problem.Problems.DatabaseFailure.DUPLICATE;
import static org.cppcc.platform.problem.Problems.DatabaseFailure.INVALID_VALUE;
import static org.cppcc.platform.problem.Problems.DatabaseFailure.OTHER;
import static org.cppcc.platform.problem.Problems.DatabaseFailure.UNAVAILABLE;
import static org.cppcc.platform.problem.Problems.databaseFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a database failure means to a client, however deeply it is wrapped. */
class DatabaseFailureTest {

    static RuntimeException wrapped(SQLException e) {
        return new IllegalStateException("commit failed", new RuntimeException(e));
    }

    @Test
    void eachKindOfFailureGetsItsAnswer() {
        assertEquals(UNAVAILABLE, databaseFailure(wrapped(new SQLException("connection refused", "08001"))));
        assertEquals(UNAVAILABLE, databaseFailure(wrapped(new SQLException("terminating connection", "57P01"))));
        assertEquals(UNAVAILABLE, databaseFailure(wrapped(new SQLException("role is not permitted to log in", "28000"))));
        assertEquals(UNAVAILABLE, databaseFailure(new SQLTransientConnectionException("pool exhausted")));
        assertEquals(UNAVAILABLE, databaseFailure(wrapped(new SQLException("Acquisition timeout while waiting for new connection"))));
        assertEquals(CONCURRENT, databaseFailure(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertEquals(CONCURRENT, databaseFailure(wrapped(new SQLException("could not serialize", "40001"))));
        assertEquals(DUPLICATE, databaseFailure(wrapped(new SQLException("duplicate key", "23505"))));
        assertEquals(INVALID_VALUE, databaseFailure(wrapped(new SQLException("value too long", "22001"))));
        assertEquals(INVALID_VALUE, databaseFailure(wrapped(new SQLException("invalid byte sequence", "22021"))));
        assertEquals(Problems.DatabaseFailure.OUTSIDE_COMMITTEE, databaseFailure(wrapped(
                new SQLException("new row violates row-level security policy for table \"proposal\"", "42501"))));
        assertEquals(OTHER, databaseFailure(wrapped(new SQLException("syntax error", "42601"))));
        assertEquals(OTHER, databaseFailure(new IllegalStateException("no database involved")));
    }
}
