package org.cppcc.deploy;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's server: its files, its config, and the proxy to a (real, local) upstream standing in for a service. */
class ConsoleServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> seen = new ConcurrentHashMap<>();
    private static HttpServer upstream;
    private static ConsoleServer console;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        Path dir = Files.createTempDirectory("console-test-");
        Path dist = Files.createDirectories(dir.resolve("dist/assets"));
        Files.writeString(dist.getParent().resolve("index.html"), "<html>数字政协</html>");
        Files.writeString(dist.resolve("app-1a2b.js"), "console.log(1)");
        Files.writeString(dir.resolve("secret.txt"), "not for the browser");
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        upstream.createContext("/", ex -> {
            seen.put("path", ex.getRequestURI().toString());
            seen.put("origin", String.valueOf(ex.getRequestHeaders().getFirst("Origin")));
            seen.put("authorization", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            seen.put("body", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.getResponseHeaders().set("Location", "/committees/440112/proposals/1");
            ex.sendResponseHeaders(201, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        upstream.start();
        console = new ConsoleServer(0, dist.getParent(), Map.of("proposals", "http://127.0.0.1:" + upstream.getAddress().getPort(),
                "members", "http://127.0.0.1:1"), "http://localhost:8180/realms/cppcc").start();
        base = "http://127.0.0.1:" + console.port();
    }

    @AfterAll
    static void stop() {
        console.close();
        upstream.stop(0);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheAppWithItsSecurityHeadersAndTheHashedAssetsForever() throws Exception {
        HttpResponse<String> index = get("/");
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("数字政协"));
        String csp = index.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'") && csp.contains("http://localhost:8180"), csp);
        assertEquals("no-cache", index.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("nosniff", index.headers().firstValue("X-Content-Type-Options").orElseThrow());
        HttpResponse<String> asset = get("/assets/app-1a2b.js");
        assertEquals(200, asset.statusCode());
        assertTrue(asset.headers().firstValue("Cache-Control").orElseThrow().contains("immutable"));
        assertTrue(asset.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
    }

    @Test
    void tellsTheAppWhereToLogIn() throws Exception {
        HttpResponse<String> config = get("/config.json");
        assertEquals("{\"authority\":\"http://localhost:8180/realms/cppcc\",\"clientId\":\"cppcc-app\"}", config.body());
    }

    @Test
    void servesNothingOutsideItsFolder() throws Exception {
        assertEquals(404, get("/assets/../../secret.txt").statusCode());
        assertEquals(404, get("/missing.js").statusCode());
    }

    @Test
    void forwardsACallToItsServiceWithoutThePrefixOrTheBrowsersOrigin() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/proposals/committees/440112/proposals?draft=false"))
                .header("Authorization", "Bearer t0ken").header("Origin", base).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"提案\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode());
        assertEquals("{\"id\":\"1\"}", r.body());
        assertEquals("/committees/440112/proposals/1", r.headers().firstValue("Location").orElseThrow());
        assertEquals("/committees/440112/proposals?draft=false", seen.get("path"));
        assertEquals("Bearer t0ken", seen.get("authorization"));
        assertEquals("{\"title\":\"提案\"}", seen.get("body"));
        // same-origin for the browser; Quarkus' CORS filter would refuse it next to the service's own Host
        assertEquals("null", seen.get("origin"));
    }

    @Test
    void aServiceThatDoesNotAnswerIsA502Problem() throws Exception {
        HttpResponse<String> r = get("/members/committees/440112/members");
        assertEquals(502, r.statusCode());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.body().contains("服务暂不可用"), r.body());
        assertFalse(r.body().contains("127.0.0.1"), "no internal address in what the browser reads");
    }
}
