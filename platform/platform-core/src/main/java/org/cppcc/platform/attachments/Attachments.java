package org.cppcc.platform.attachments;

import jakarta.ws.rs.core.Response;
import org.cppcc.platform.problem.ProblemException;
import org.cppcc.platform.problem.Problems;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Checking uploaded files and serving them back, the same for every service that keeps files. */
public final class Attachments {

    public static final int MAX_FILES = 5;
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** base64 of {@link #MAX_BYTES} with MIME line breaks */
    public static final int MAX_BASE64 = 2_900_000;

    private Attachments() {
    }

    /** The files' bytes, in order: 415 for a type not accepted, 413 for a file too large, 400 for bad base64. */
    public static List<byte[]> decode(List<Attachment> attachments) {
        List<byte[]> out = new ArrayList<>();
        for (Attachment a : attachments == null ? List.<Attachment>of() : attachments) {
            if (!AttachmentTypes.allowed(a.contentType())) {
                throw new ProblemException(415, "attachment-type", "附件类型不支持 / Attachment type not accepted",
                        "'" + a.name() + "' is " + a.contentType() + "; accepted: " + AttachmentTypes.ALLOWED);
            }
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(a.contentBase64());
            } catch (IllegalArgumentException e) {
                throw Problems.badRequest("attachment '" + a.name() + "' is not base64");
            }
            if (bytes.length > MAX_BYTES) {
                throw new ProblemException(413, "attachment-too-large", "附件过大 / Attachment too large",
                        "'" + a.name() + "' has " + bytes.length + " bytes; at most " + MAX_BYTES + " per file");
            }
            out.add(bytes);
        }
        return out;
    }

    /** A stored file as a download: never rendered in the page (a type the browser would run is served as bytes). */
    public static Response download(String name, String contentType, byte[] content) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(content, AttachmentTypes.served(contentType))
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .build();
    }
}
