package org.cppcc.platform.attachments;

import java.util.List;
import java.util.Locale;

/**
 * The kinds of file a reply letter or a speech may carry: documents and images offices and members send. Anything else
 * (HTML, scripts, SVG) could run in the reader's browser when served back, so it is refused on upload and
 * never served with a type the browser would render.
 */
public final class AttachmentTypes {

    public static final List<String> ALLOWED = List.of(
            "application/pdf", "application/ofd", "image/png", "image/jpeg", "image/gif", "image/webp", "text/plain",
            "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-powerpoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation");

    private AttachmentTypes() {
    }

    /** The media type without parameters, lower case ("Application/PDF; x=y" → "application/pdf"). */
    public static String normalised(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    public static boolean allowed(String contentType) {
        return ALLOWED.contains(normalised(contentType));
    }

    /** The type to serve a stored file with: its own if allowed, else a download of unknown bytes. */
    public static String served(String stored) {
        return allowed(stored) ? normalised(stored) : "application/octet-stream";
    }
}
