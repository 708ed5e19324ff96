package org.cppcc.platform.paging;

import org.cppcc.platform.problem.Problems;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Opaque cursors: clients pass them back unchanged and must not build them. */
public final class Cursor {

    private Cursor() {
    }

    public static String encode(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor made of several values (e.g. a date and an id), for lists not ordered by id alone. */
    public static String decodeText(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("cursor is not one this service gave out");
        }
    }

    public static UUID decode(String cursor) {
        try {
            return UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("cursor is not one this service gave out");
        }
    }
}
