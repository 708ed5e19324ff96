package org.cppcc.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The web console on one machine: its built files (console/target/dist), its settings at /config.json, and the
 * services' APIs under the same prefixes as the Ingress (/proposals/… → proposals-service's /…), so the browser talks
 * to one origin and the services need no CORS. Streams answers as they come (the live inbox is a long-lived SSE).
 * In a cluster the Ingress does the proxying and any static host serves the files (ADR 0020).
 */
public final class ConsoleServer implements AutoCloseable {

    // not forwarded either way: hop-by-hop headers, and those java.net.http sets itself. Nor the browser's Origin: the
    // browser's call was same-origin (to this server), but next to the service's own Host it would read as cross-origin
    // and Quarkus' CORS filter refuses it (403); an Ingress keeps Host, so there the check passes as it is
    private static final Set<String> HOP = Set.of("host", "connection", "content-length", "transfer-encoding", "upgrade", "expect",
            "keep-alive", "te", "trailer", "proxy-connection", "http2-settings", "origin");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json", "svg", "image/svg+xml", "png", "image/png", "ico",
            "image/x-icon", "woff", "font/woff", "woff2", "font/woff2", "txt", "text/plain; charset=utf-8");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "console");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
            .executor(threads).build();
    private final Path root;
    private final Map<String, String> upstreams;
    private final byte[] config;
    private final String csp;

    /**
     * @param upstreams prefix (members, proposals, …) → that service's base URL
     * @param realmUrl  the Keycloak realm the console logs in with (its public client cppcc-app)
     */
    public ConsoleServer(int port, Path root, Map<String, String> upstreams, String realmUrl) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.upstreams = Map.copyOf(upstreams);
        this.config = ("{\"authority\":\"" + realmUrl + "\",\"clientId\":\"cppcc-app\"}").getBytes(StandardCharsets.UTF_8);
        String keycloak = URI.create(realmUrl).resolve("/").toString().replaceAll("/$", "");
        // the app's own code only; inline styles because the component library sets style attributes
        this.csp = "default-src 'self'; connect-src 'self' " + keycloak + "; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                + "frame-src " + keycloak + "; frame-ancestors 'none'; base-uri 'self'; form-action 'self' " + keycloak;
        server = HttpServer.create(new InetSocketAddress("0.0.0.0", port), 64);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
    }

    public ConsoleServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) {
        try {
            String path = ex.getRequestURI().getRawPath();
            String first = path.length() > 1 ? path.substring(1).split("/", 2)[0] : "";
            if (upstreams.containsKey(first)) {
                proxy(ex, upstreams.get(first), path.substring(first.length() + 1));
            } else if (path.equals("/config.json")) {
                send(ex, 200, "application/json", "no-cache", config);
            } else {
                file(ex, path);
            }
        } catch (IOException | RuntimeException e) {
            // the browser went away mid-stream, or a service is down: nothing more to tell it than a 502 if it still listens
            if (ex.getResponseCode() == -1) {
                byte[] body = ("{\"type\":\"about:blank\",\"title\":\"服务暂不可用 / Service unavailable\",\"status\":502}")
                        .getBytes(StandardCharsets.UTF_8);
                try {
                    send(ex, 502, "application/problem+json", "no-store", body);
                } catch (IOException ignored) {
                    // gone
                }
            }
        } finally {
            ex.close(); // after the 502 (a try-with-resources would close the exchange before its catch could answer)
        }
    }

    private void proxy(HttpExchange ex, String upstream, String rest) throws IOException {
        String query = ex.getRequestURI().getRawQuery();
        URI target = URI.create(upstream + (rest.isEmpty() ? "/" : rest) + (query == null ? "" : "?" + query));
        byte[] body = ex.getRequestBody().readAllBytes();
        HttpRequest.Builder req = HttpRequest.newBuilder(target).method(ex.getRequestMethod(),
                body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        ex.getRequestHeaders().forEach((name, values) -> {
            if (!HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> req.header(name, v));
            }
        });
        HttpResponse<InputStream> res;
        try {
            res = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        res.headers().map().forEach((name, values) -> {
            if (!HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                ex.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        try (InputStream in = res.body()) {
            long length = res.headers().firstValueAsLong("content-length").orElse(-2);
            boolean empty = res.statusCode() == 204 || res.statusCode() == 304 || length == 0 || ex.getRequestMethod().equals("HEAD");
            ex.sendResponseHeaders(res.statusCode(), empty ? -1 : length > 0 ? length : 0);
            if (empty) {
                return;
            }
            OutputStream out = ex.getResponseBody();
            byte[] buf = new byte[16384];
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                out.flush(); // each event of a stream goes out as it arrives
            }
        }
    }

    private void file(HttpExchange ex, String path) throws IOException {
        if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
            send(ex, 405, "text/plain; charset=utf-8", "no-store", "method not allowed".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Path f = root.resolve(path.equals("/") ? "index.html" : path.substring(1)).normalize();
        if (!f.startsWith(root) || !Files.isRegularFile(f)) {
            send(ex, 404, "text/plain; charset=utf-8", "no-store", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = f.getFileName().toString();
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
        // the build names assets by content hash: they never change; index.html must be fetched afresh to find new ones
        String cache = path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
        send(ex, 200, type, cache, Files.readAllBytes(f));
    }

    private void send(HttpExchange ex, int status, String type, String cache, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", cache);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        if (type.startsWith("text/html")) {
            ex.getResponseHeaders().set("Content-Security-Policy", csp);
        }
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            ex.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
