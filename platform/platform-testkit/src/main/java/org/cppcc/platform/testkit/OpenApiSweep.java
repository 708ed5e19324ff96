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
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Calls every operation a service's OpenAPI describes, without a token, with ids that exist nowhere: what
 * answers 2xx is open to anyone. Tests compare that with the service's short public allow-list.
 */
public final class OpenApiSweep {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** One probed operation: "GET /committees/{code}/…" and the status it answered. */
    public record Probe(String operation, int status) {
    }

    private OpenApiSweep() {
    }

    /**
     * Fails unless every operation, called without a token, is refused (no 2xx outside the public list) and none
     * fails (no 5xx); returns how many operations were probed.
     */
    public static int assertOnlyPublicOpen(String committee, Set<String> publicOperations, int atLeast) {
        List<Probe> probes = withoutToken(committee);
        if (probes.size() < atLeast) {
            throw new AssertionError("the sweep saw only " + probes.size() + " operations");
        }
        List<Probe> open = probes.stream().filter(p -> p.status() < 300 && !publicOperations.contains(p.operation())).toList();
        List<Probe> failing = probes.stream().filter(p -> p.status() >= 500).toList();
        if (!open.isEmpty() || !failing.isEmpty()) {
            throw new AssertionError("open without a token: " + open + "; failing: " + failing);
        }
        System.out.println("OpenAPI sweep: " + probes.size() + " operations probed without a token, " + open.size() + " open, "
                + failing.size() + " failing");
        return probes.size();
    }

    public static List<Probe> withoutToken(String committee) {
        JsonNode api;
        try {
            api = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Probe> probes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String url = path.getKey().replace("{code}", committee).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (!METHODS.contains(method)) {
                    continue;
                }
                int status = given().contentType("application/json").body("{}").request(method.toUpperCase(), url).statusCode();
                probes.add(new Probe(method.toUpperCase() + " " + path.getKey(), status));
            }
        }
        return probes;
    }
}
