package org.cppcc.platform.testkit;


import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Calls every operation a service's OpenAPI describes, without a token, with ids that exist nowhere: what
 * answers 2xx is open to anyone. Tests compare that with the service's short public allow-list.
 */
public final class OpenApiSweep {

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
        List<Probe> probes = new ArrayList<>();
        for (OpenApiOperations.Operation o : OpenApiOperations.of(OpenApiOperations.document())) {
            String url = o.path().replace("{code}", committee).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            int status = given().contentType("application/json").body("{}").request(o.method().toUpperCase(), url).statusCode();
            probes.add(new Probe(o.name(), status));
        }
        return probes;
    }
}
