package org.cppcc.deploy;

import org.cppcc.platform.infra.InfraPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code ./deploy/run.sh}: starts the whole platform on this machine with demo data and keeps it running
 * until Ctrl-C. State and logs live in {@code .local/} (or --state-dir); {@code --reset} starts from empty.
 * An external PostgreSQL is used when CPPCC_PG_HOST is set (with CPPCC_PG_PORT, CPPCC_PG_USER, CPPCC_PG_PASSWORD).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Path state = InfraPaths.repoRoot().resolve(".local");
        boolean reset = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reset" -> reset = true;
                case "--state-dir" -> state = Path.of(args[++i]);
                case "--help", "-h" -> {
                    System.out.println("usage: deploy/run.sh [--reset] [--state-dir DIR] [--rebuild]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
        }
        if (reset) {
            deleteTree(state);
            say("reset: removed " + state);
        }
        boolean first = !Files.exists(state.resolve("postgres"));
        Files.createDirectories(state);
        long t0 = System.nanoTime();
        LocalPlatform platform = new LocalPlatform(state, Ports.documented(), externalPostgres());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("stopping…");
            platform.close();
            say("stopped.");
            stopped.countDown();
        }));
        try {
            platform.start((what, detail) -> say("starting " + what + ": " + detail));
            say("seeding demo committees, members and handling units");
            DemoSeed.run(platform);
        } catch (RuntimeException e) {
            say("FAILED: " + e.getMessage() + "\n  logs: " + platform.logs());
            System.exit(1);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        // for the load-test harness's start-up figure (P5): how long this start took, and whether it was the first on this state
        Files.writeString(state.resolve("last-start.txt"), String.format(java.util.Locale.ROOT, "seconds=%.1f%nfirst=%s%nat=%s%n", seconds, first,
                java.time.Instant.now()));
        printWelcome(platform, state, Math.round(seconds));
        stopped.await();
    }

    private static LocalPlatform.ExternalPostgres externalPostgres() {
        String host = System.getenv("CPPCC_PG_HOST");
        if (host == null || host.isBlank()) {
            return null;
        }
        return new LocalPlatform.ExternalPostgres(host, Integer.parseInt(System.getenv().getOrDefault("CPPCC_PG_PORT", "5432")),
                System.getenv().getOrDefault("CPPCC_PG_USER", "postgres"), System.getenv().getOrDefault("CPPCC_PG_PASSWORD", "postgres"));
    }

    private static void printWelcome(LocalPlatform p, Path state, long seconds) {
        StringBuilder s = new StringBuilder("\n数字政协 Digital CPPCC is up (" + seconds + " s). Ctrl-C stops everything.\n\n");
        s.append(String.format("  %-22s %s   (web console and members' app: log in with a demo login below)%n%n", "Console", p.consoleUrl()));
        for (Service svc : Service.values()) {
            s.append(String.format("  %-22s %s   (API docs: %s/q/swagger-ui)%n", svc.module(), p.url(svc), p.url(svc)));
        }
        s.append(String.format("  %-22s %s   (admin console: kcadmin / kcadmin)%n", "Keycloak", p.keycloakUrl()));
        s.append(String.format("  %-22s %s%n", "Kafka", p.kafka().bootstrapServers()));
        s.append("\n  Demo logins (password: demo; demo only):\n");
        s.append("    hp-member  member of 黄埔区 440112        hp-member2 another member of 440112 (co-signer)\n");
        s.append("    hp-staff   proposal office of 440112     hp-unit   黄埔区科技局 (440112)\n");
        s.append("    hp-unit2   黄埔区住房和城乡建设局 (440112)  gz-member member of 广州市 440100 and 广东省 440000\n");
        s.append("    gz-staff   proposal office of 440100     gz-unit   广州市科技局 (440100)\n");
        s.append("    gd-staff   proposal office of 440000     dx-member member of 大兴区 110115\n");
        s.append("    qg-staff   proposal office of 全国 100000   sz-staff  proposal office of 深圳市 440300\n");
        s.append("    hp-admin   committee administrator of 440112 (roster, registry, scoring rules)\n");
        s.append("    hp-leader  leader (主席) of 440112: supervises key proposals (督办)\n");
        s.append("    admin      platform administrator\n");
        s.append("\n  State and logs: ").append(state).append("   (start afresh: deploy/run.sh --reset)\n");
        say(s.toString());
    }

    private static void say(String line) {
        System.out.println("[cppcc] " + line);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
