package org.cppcc.platform.problem;

/** The problem types of every service (see docs/api.md). Titles are Chinese with English after the slash. */
public final class Problems {

    public static final String TYPE_BASE = "https://cppcc.org/problems/";

    private Problems() {
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "未找到 / Not found", what + " " + id + " does not exist or is not visible to you");
    }

    public static ProblemException unauthorized() {
        return new ProblemException(401, "unauthorized", "未登录 / Unauthorized", "a valid bearer token is required");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "无权限 / Forbidden", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "状态冲突 / Conflict", detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad-request", "请求无效 / Bad request", detail);
    }

    /** What a database failure means to the client, however deeply it was wrapped. */
    public enum DatabaseFailure {
        /** the database cannot be reached or is restarting: try again shortly (503) */
        UNAVAILABLE,
        /** a lock or serialisation conflict with a concurrent request: try again (409) */
        CONCURRENT,
        /** a unique key taken by a concurrent request (409) */
        DUPLICATE,
        /** a value the database cannot take (too long, a NUL byte, out of range) that validation let through (400) */
        INVALID_VALUE,
        /** a write into a committee outside the request's, stopped by row-level security (403; logged: a bug) */
        OUTSIDE_COMMITTEE,
        OTHER
    }

    public static DatabaseFailure databaseFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return DatabaseFailure.UNAVAILABLE;
            }
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                // 08: connection exception; 57P: server shutting down or starting; 53300: too many connections;
                // 28: the service's login refused (an operator locked it out)
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300") || state.startsWith("28")
                        || String.valueOf(sql.getMessage()).contains("Acquisition timeout")) {
                    return DatabaseFailure.UNAVAILABLE;
                }
                if (state.equals("40001") || state.equals("40P01") || state.equals("55P03")) {
                    return DatabaseFailure.CONCURRENT;
                }
                if (state.equals("23505")) {
                    return DatabaseFailure.DUPLICATE;
                }
                if (state.equals("42501") && String.valueOf(sql.getMessage()).contains("row-level security")) {
                    return DatabaseFailure.OUTSIDE_COMMITTEE;
                }
                if (state.startsWith("22")) {
                    return DatabaseFailure.INVALID_VALUE;
                }
            }
        }
        return DatabaseFailure.OTHER;
    }

    /** Whether a failure was a concurrent edit (an optimistic-lock conflict), however deeply a commit wrapped it. */
    public static boolean isConcurrentEdit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
