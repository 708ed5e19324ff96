package org.cppcc.platform.paging;

import org.cppcc.platform.problem.Problems;

import java.util.UUID;

/** Cursor pagination with a bounded page size (1..100, default 20). {@code after} is null for the first page. */
public record PageRequest(UUID after, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(String cursor, Integer limit) {
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (l < 1 || l > MAX_LIMIT) {
            throw Problems.badRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor), l);
    }

    /** Rows to fetch: one more than the page, to know if another page follows. */
    public int fetchSize() {
        return limit + 1;
    }
}
