package org.cppcc.bench;

import org.cppcc.deploy.Service;
import org.cppcc.platform.infra.InfraPaths;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * P5: what each service's process holds (resident memory, read from /proc after the load) and how soon a new process of
 * it answers. The running service's own command line and environment start a second instance on a free port, as a
 * rolling restart or a scale-out would: its first answer is timed from the moment its process starts, with its
 * neighbours (database, broker, Keycloak) already up — the case the target speaks of.
 */
final class Footprint {

    /** A service's figures: resident memory now (MB), and a new instance's first answer and readiness (s). */
    record Figures(Service service, long rssMb, double firstAnswerSeconds, double readySeconds, long newRssMb) {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Footprint() {
    }

    /** The process of the launcher's instance of this service (run from its jar's folder). */
    static Optional<ProcessHandle> process(Service s) {
        Path app = InfraPaths.repoRoot().resolve(s.module()).resolve("target/quarkus-app").toAbsolutePath().normalize();
        return ProcessHandle.allProcesses().filter(p -> {
            try {
                return Files.readSymbolicLink(Path.of("/proc", String.valueOf(p.pid()), "cwd")).normalize().equals(app);
            } catch (IOException | RuntimeException e) { // gone meanwhile, or not ours to read
                return false;
            }
        }).findFirst();
    }

    static long rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    static Figures measure(Service s) throws IOException, InterruptedException {
        ProcessHandle running = process(s).orElseThrow(() -> new IllegalStateException(s.module() + " is not running from its jar's folder"));
        long rss = rssMb(running.pid());
        Path proc = Path.of("/proc", String.valueOf(running.pid()));
        List<String> command = Arrays.stream(new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).split("\0"))
                .filter(a -> !a.isEmpty()).toList();
        Map<String, String> env = new HashMap<>();
        for (String kv : new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8).split("\0")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                env.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        Path log = Files.createTempFile("bench-" + s.module(), ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(Files.readSymbolicLink(proc.resolve("cwd")).toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            double first = until(p, "http://localhost:" + port + "/q/health/live", t0, log);
            double ready = until(p, "http://localhost:" + port + "/q/health/ready", t0, log);
            return new Figures(s, rss, first, ready, rssMb(p.pid()));
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    /** Seconds from t0 to the first 200 of this URL (polled every 10 ms, for up to a minute). */
    private static double until(Process p, String url, long t0, Path log) throws InterruptedException, IOException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
        long deadline = t0 + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the new instance exited:\n" + Files.readString(log));
            }
            try {
                if (CLIENT.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - t0) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(url + " did not answer within a minute:\n" + Files.readString(log));
    }
}
