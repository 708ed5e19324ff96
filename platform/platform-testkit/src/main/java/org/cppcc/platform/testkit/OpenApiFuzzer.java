package org.cppcc.platform.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Fuzzing driven by the OpenAPI: every operation is called with requests built to break it — wrong types, huge
 * and unicode-edge strings, SQL and HTML text, negative and huge numbers, missing and duplicated fields, bodies
 * that are not JSON, bad cursors and limits, ids that are not ids. Nothing may answer 5xx, every 4xx is
 * problem+json, and a run whose bad requests were all refused leaves every table as it found it.
 */
public final class OpenApiFuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Written by requests whatever they carry (who tried what, idempotency) or by the service in the background. */
    private static final Set<String> NOT_DATA = Set.of("audit_log", "idempotency_record", "processed_event", "outbox_event",
            "flyway_schema_history", "dead_letter_replay", "committee", "delivery", "notification", "notification_read", "reminder");
    private static final List<JsonNode> BAD_VALUES = List.of(
            NODES.textNode("长".repeat(200_000)),
            NODES.textNode("\u0000"),
            NODES.textNode("𠜎😀\u202e\uFEFF\u200b"),
            NODES.textNode("\uD800"),
            NODES.textNode("'; drop table proposal; --"),
            NODES.textNode("<script>alert(1)</script>"),
            NODES.textNode(""),
            NODES.textNode("   "),
            NODES.numberNode(-1),
            NODES.numberNode(Long.MAX_VALUE),
            NODES.numberNode(new java.math.BigInteger("99999999999999999999999999")),
            NODES.numberNode(1e308),
            NODES.booleanNode(true),
            NODES.nullNode(),
            NODES.arrayNode().add("x"),
            NODES.objectNode().put("x", 1));
    private static final List<String> RAW_BODIES = List.of("{", "[]", "null", "\"text\"", "12", "{\"a\":", "\u0000", "{}{}");
    private static final List<String> BAD_QUERIES = List.of("cursor=%25%25%25", "cursor=AAAAAAAA", "cursor=" + "x".repeat(2000),
            "limit=-1", "limit=0", "limit=99999999999", "limit=abc", "status=NOPE", "year=abc", "days=-5", "days=999999999");
    // (a request line over 4096 bytes is refused by the HTTP server itself with a bare 414, before any of our code)
    private static final List<String> BAD_IDS = List.of("not-a-uuid", "0", "x".repeat(300), "%00", "..%2F..%2Fetc");

    public record Report(int operations, int requests, int accepted, List<String> failures) {
        public String summary() {
            return operations + " operations, " + requests + " fuzzed requests, " + accepted + " accepted as valid, "
                    + failures.size() + " failures";
        }
    }

    private final String committee;
    private final List<String> users;
    private final Map<String, String> ids;

    /**
     * @param users who sends them (tokens with roles in the committee, so that requests reach past the door)
     * @param ids   real ids by the path segment before them, so that requests reach the objects' checks
     */
    public OpenApiFuzzer(String committee, List<String> users, Map<String, String> ids) {
        this.committee = committee;
        this.users = users;
        this.ids = ids;
    }

    public Report run() {
        JsonNode api = OpenApiOperations.document();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        int accepted = 0;
        int operations = 0;
        for (OpenApiOperations.Operation o : OpenApiOperations.answering(api)) {
            String method = o.method();
            JsonNode op = o.node();
            operations++;
            String url = url(o.path(), null);
            List<String[]> cases = new ArrayList<>(); // url, body
            String valid = OpenApiSamples.requestBody(api, op);
            if (valid != null) {
                for (String body : badBodies(api, op)) {
                    cases.add(new String[]{url, body});
                }
            }
            for (String q : BAD_QUERIES) {
                cases.add(new String[]{url + "?" + q, valid});
            }
            if (o.path().matches(".*\\{(?!code})[^}]+}.*")) {
                for (String bad : BAD_IDS) {
                    cases.add(new String[]{url(o.path(), bad), valid});
                }
            }
            boolean changes = !method.equals("get");
            Map<String, Long> before = changes ? tableCounts() : Map.of();
            int acceptedHere = 0;
            for (String user : users) {
                for (String[] c : cases) {
                    Response r = send(user, method, c[0], c[1]);
                    requests++;
                    int status = r.statusCode();
                    if (status < 300) {
                        accepted++;
                        acceptedHere++;
                    }
                    String type = String.valueOf(r.contentType());
                    if (status >= 500 || (status >= 400 && !type.startsWith("application/problem+json"))) {
                        String body = c[1] == null ? "" : c[1].length() > 120 ? c[1].substring(0, 120) + "…" : c[1];
                        failures.add(method.toUpperCase() + " " + c[0] + " " + body.replace('\u0000', '∅') + " as " + user
                                + " → " + status + " " + type);
                    }
                }
            }
            // every bad request to this operation was refused: nothing may have been stored
            if (changes && acceptedHere == 0) {
                Map<String, Long> after = tableCounts();
                if (!after.equals(before)) {
                    failures.add(method.toUpperCase() + " " + o.path() + ": rows changed though every request was refused: "
                            + diff(before, after));
                }
            }
        }
        return new Report(operations, requests, accepted, failures);
    }

    private Response send(String user, String method, String url, String body) {
        var r = given().config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .urlEncodingEnabled(false).auth().oauth2(Tokens.of(user)).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString());
        if (body != null) {
            r = r.body(body);
        }
        return r.request(method.toUpperCase(), url);
    }

    /** The valid body spoiled one way at a time: each field missing, given a bad value, or duplicated; and raw non-JSON. */
    private static List<String> badBodies(JsonNode api, JsonNode op) {
        JsonNode schema = OpenApiSamples.resolve(api, op.path("requestBody").path("content").path("application/json").path("schema"));
        JsonNode valid = OpenApiSamples.valid(api, schema, 0);
        List<String> out = new ArrayList<>(RAW_BODIES);
        if (valid instanceof ObjectNode o) {
            List<String> fields = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(fields::add);
            for (String f : fields) {
                ObjectNode missing = o.deepCopy();
                missing.remove(f);
                out.add(missing.toString());
                for (JsonNode bad : BAD_VALUES) {
                    ObjectNode spoiled = o.deepCopy();
                    spoiled.set(f, bad);
                    out.add(spoiled.toString());
                }
                // the same field twice, the second of another type
                String json = o.toString();
                if (json.length() > 2) {
                    out.add("{\"" + f + "\":12345," + json.substring(1));
                }
            }
        } else {
            for (JsonNode bad : BAD_VALUES) {
                out.add(bad.toString());
            }
        }
        return out;
    }

    private String url(String template, String badId) {
        String[] parts = template.split("/");
        StringBuilder url = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            url.append('/');
            if (p.equals("{code}")) {
                url.append(committee);
            } else if (p.startsWith("{")) {
                url.append(badId != null ? badId : ids.getOrDefault(parts[i - 1], UUID.randomUUID().toString()));
            } else {
                url.append(p);
            }
        }
        return url.toString();
    }

    private static String diff(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder d = new StringBuilder();
        after.forEach((t, n) -> {
            if (!n.equals(before.get(t))) {
                d.append(t).append(' ').append(before.get(t)).append("→").append(n).append(' ');
            }
        });
        return d.toString().strip();
    }

    /** Rows per data table (every committee's), from the service's database. */
    private static Map<String, Long> tableCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = TestPlatform.database(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select table_name from information_schema.tables where table_schema = current_schema() "
                    + "and table_type = 'BASE TABLE' order by 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                if (NOT_DATA.contains(t)) {
                    continue;
                }
                try (ResultSet rs = st.executeQuery("select count(*) from \"" + t + "\"")) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the service's rows", e);
        }
        return counts;
    }
}
