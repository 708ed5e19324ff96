package org.cppcc.platform.paging;

import org.cppcc.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageTest {

    @Test
    void anExtraRowMeansThereIsANextPageStartingAfterTheLastShown() {
        List<UUID> rows = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Page<String> page = Page.of(rows, PageRequest.of(null, 2), UUID::toString, UUID::toString);
        assertEquals(List.of(rows.get(0).toString(), rows.get(1).toString()), page.items());
        assertEquals(rows.get(1), Cursor.decode(page.next()));
    }

    @Test
    void theLastPageHasNoNext() {
        List<UUID> rows = List.of(UUID.randomUUID());
        assertNull(Page.of(rows, PageRequest.of(null, 2), UUID::toString, Function.identity()).next());
    }

    @Test
    void pageSizeIsBoundedAndCursorsMustBeOurs() {
        assertThrows(ProblemException.class, () -> PageRequest.of(null, 0));
        assertThrows(ProblemException.class, () -> PageRequest.of(null, 101));
        assertThrows(ProblemException.class, () -> PageRequest.of("garbage!", 10));
        assertEquals(20, PageRequest.of(null, null).limit());
    }
}
