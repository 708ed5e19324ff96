package org.cppcc.platform.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.UUID;

/** Request bodies built from an OpenAPI schema: valid ones (required fields, values within the documented limits). */
public final class OpenApiSamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OpenApiSamples() {
    }

    /** A valid JSON body for the operation, or null when it takes none (or not JSON). */
    public static String requestBody(JsonNode api, JsonNode operation) {
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return null;
        }
        try {
            return new ObjectMapper().writeValueAsString(valid(api, schema, 0));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether an operation answers with a stream that stays open (server-sent events): probed elsewhere, not here. */
    public static boolean streams(JsonNode operation) {
        for (JsonNode response : operation.path("responses")) {
            if (response.path("content").has("text/event-stream")) {
                return true;
            }
        }
        return false;
    }

    /** Resolves a local $ref (#/components/schemas/X). */
    public static JsonNode resolve(JsonNode api, JsonNode schema) {
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            schema = api.at(ref.substring(1));
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(api, schema.get("allOf").get(0));
        }
        return schema;
    }

    public static JsonNode valid(JsonNode api, JsonNode schema, int depth) {
        schema = resolve(api, schema);
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                if (depth > 4) {
                    return o;
                }
                for (Iterator<String> it = schema.path("required").elements().hasNext()
                        ? iterate(schema.path("required")) : schema.path("properties").fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    JsonNode property = schema.path("properties").path(name);
                    if (!property.isMissingNode()) {
                        o.set(name, valid(api, property, depth + 1));
                    }
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                int n = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < n; i++) {
                    a.add(valid(api, schema.path("items"), depth + 1));
                }
                return a;
            }
            case "integer", "number" -> {
                long min = schema.has("minimum") ? schema.get("minimum").asLong() : 1;
                return NODES.numberNode(Math.max(min, schema.has("maximum") ? Math.min(1, schema.get("maximum").asLong()) : min));
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return NODES.textNode(text(schema));
            }
        }
    }

    private static Iterator<String> iterate(JsonNode names) {
        java.util.List<String> out = new java.util.ArrayList<>();
        names.forEach(n -> out.add(n.asText()));
        return out.iterator();
    }

    private static String text(JsonNode schema) {
        String format = schema.path("format").asText("");
        switch (format) {
            case "uuid" -> {
                return UUID.randomUUID().toString();
            }
            case "date" -> {
                return "2027-01-15";
            }
            case "date-time" -> {
                return "2027-01-15T09:00:00Z";
            }
            case "email" -> {
                return "sample@demo.cppcc.local";
            }
            default -> {
                String pattern = schema.path("pattern").asText("");
                if (pattern.contains("\\d{6}")) {
                    return "440112";
                }
                if (pattern.contains("[0-9]{2}:[0-9]{2}") || pattern.contains("\\d{2}:\\d{2}")) {
                    return "22:00";
                }
                int min = schema.path("minLength").asInt(1);
                int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
                String text = "矩阵测试样例文本".repeat(Math.max(1, (min + 7) / 8));
                return text.substring(0, Math.max(min, Math.min(Math.min(text.length(), max), 8)));
            }
        }
    }
}
