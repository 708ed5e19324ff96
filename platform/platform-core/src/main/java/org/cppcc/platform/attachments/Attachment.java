package org.cppcc.platform.attachments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A file sent in a JSON body (base64): with a reply letter, with a speech. At most {@link Attachments#MAX_BYTES} bytes
 * each; the types are {@link AttachmentTypes#ALLOWED}.
 */
public record Attachment(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String contentType,
                         @NotBlank @Size(max = Attachments.MAX_BASE64) String contentBase64) {
}
