package org.cppcc.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list, newest first; {@code next} is the opaque cursor of the following page, null at the end. */
public record Page<T>(List<T> items, String next) {

    /** Builds a page from limit+1 fetched rows: the extra row only tells whether there is a next page. */
    public static <E, T> Page<T> of(List<E> fetched, PageRequest request, Function<E, String> cursorOf, Function<E, T> view) {
        boolean more = fetched.size() > request.limit();
        List<E> rows = more ? fetched.subList(0, request.limit()) : fetched;
        return new Page<>(rows.stream().map(view).toList(), more ? Cursor.encode(cursorOf.apply(rows.get(rows.size() - 1))) : null);
    }
}
