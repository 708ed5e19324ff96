package org.cppcc.platform.json;

/**
 * The limits every service enforces on what it is sent, whatever the field (OWASP API4): a field may name a
 * tighter one ({@code @Size}, {@code @Max}), never a looser. The OpenAPI documents these where a field says
 * nothing of its own ({@code OpenApiDocumentation}).
 */
public final class Limits {

    /**
     * characters in any JSON string (the parser refuses longer ones): the longest a body legitimately carries is an
     * attachment of 2 MB in base64 (reply letters); text fields name far tighter limits of their own
     */
    public static final int TEXT = 3_000_000;
    /** elements in any JSON array read into a collection */
    public static final int ITEMS = 1_000;
    /** bytes of a request line, and so of any path or query parameter (the HTTP server's own limit) */
    public static final int REQUEST_LINE = 4_096;
    /** bytes of a request body: an uploaded attachment at most (quarkus.http.limits.max-body-size) */
    public static final int BODY = 16 * 1024 * 1024;

    private Limits() {
    }
}
