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
