package org.cppcc.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A CloudEvents 1.0 event in structured JSON mode, with the committee (tenant) as an extension attribute.
 * The data's version is part of the type (e.g. {@code org.cppcc.proposals.ProposalSubmitted.v1}): a
 * breaking change to a payload is a new type, published beside the old one until consumers move.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String committee,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
}
