package org.cppcc.platform.concurrency;

import org.cppcc.platform.problem.Problems;

/** Optimistic locking over HTTP: the client sends {@code If-Match: <version>} of what it read. */
public final class IfMatch {

    public static final String HEADER = "If-Match";

    private IfMatch() {
    }

    /** The version in an If-Match header (quotes and W/ tolerated), or null when none was sent. */
    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.replace("\"", "").replace("W/", "").trim());
        } catch (NumberFormatException e) {
            throw Problems.badRequest("If-Match must be the version number of what you read");
        }
    }
}
