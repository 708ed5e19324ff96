package org.cppcc.platform.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;

/** The operations a service's OpenAPI describes, for the tests that walk them all (sweep, matrix, fuzzing). */
public final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** One operation: its path template, its lower-case method, and its OpenAPI node. */
    public record Operation(String path, String method, JsonNode node) {
        /** "GET /committees/{code}/…" */
        public String name() {
            return method.toUpperCase() + " " + path;
        }
    }

    private OpenApiOperations() {
    }

    /** The service's OpenAPI, as it serves it. */
    public static JsonNode document() {
        try {
            return new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The operations that answer and end: without the live stream, which stays open (LiveStreamTest covers who
     * may hold it); what the matrix and the fuzzer call.
     */
    public static List<Operation> answering(JsonNode api) {
        return of(api).stream().filter(o -> !OpenApiSamples.streams(o.node())).toList();
    }

    public static List<Operation> of(JsonNode api) {
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (METHODS.contains(method)) {
                    out.add(new Operation(path.getKey(), method, path.getValue().get(method)));
                }
            }
        }
        return out;
    }
}
