package org.cppcc.deploy;

import org.cppcc.platform.infra.InfraPaths;
import org.cppcc.platform.infra.KafkaBroker;
import org.cppcc.platform.infra.KeycloakServer;
import org.cppcc.platform.infra.ManagedProcess;
import org.cppcc.platform.infra.PostgresServer;
import org.cppcc.platform.infra.Wait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole platform on one machine, as separate processes: PostgreSQL, a Kafka broker, Keycloak and the
 * four services, with all state and logs under one folder. Used by the launcher and by the e2e tests.
 */
public final class LocalPlatform implements AutoCloseable {

    /** An already running PostgreSQL to use instead of the embedded one (a superuser login). */
    public record ExternalPostgres(String host, int port, String user, String password) {
    }

    private final Path stateDir;
    private final Ports ports;
    private final ExternalPostgres externalPostgres;
    private final Map<Service, ManagedProcess> services = new EnumMap<>(Service.class);
    private final Map<Service, String> jdbcUrls = new EnumMap<>(Service.class);
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private KeycloakServer keycloak;
    private ConsoleServer console;

    public LocalPlatform(Path stateDir, Ports ports, ExternalPostgres externalPostgres) {
        this.stateDir = stateDir.toAbsolutePath();
        this.ports = ports;
        this.externalPostgres = externalPostgres;
    }

    public LocalPlatform start(Log log) {
        for (Service s : Service.values()) {
            Path jar = jar(s);
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build first (mvn install -DskipTests)");
            }
        }
        log.step("PostgreSQL", externalPostgres == null ? "embedded, port " + ports.postgres() + ", data in " + stateDir.resolve("postgres")
                : "external, " + externalPostgres.host() + ":" + externalPostgres.port());
        postgres = externalPostgres == null ? PostgresServer.startEmbedded(stateDir.resolve("postgres"), ports.postgres())
                : PostgresServer.external(externalPostgres.host(), externalPostgres.port(), externalPostgres.user(), externalPostgres.password());
        String kcDb = postgres.ensureDatabase("keycloak", "keycloak", "keycloak");
        for (Service s : Service.values()) {
            jdbcUrls.put(s, postgres.ensureDatabase(s.database(), s.database(), s.database()));
        }
        log.step("Kafka + Keycloak", "broker on " + ports.kafka() + ", Keycloak on " + ports.keycloak() + " (first start builds Keycloak: ~1 min)");
        kafka = new KafkaBroker(stateDir.resolve("kafka"), ports.kafka(), ports.kafkaController());
        keycloak = new KeycloakServer(ports.keycloak(), kcDb, "keycloak", "keycloak", logs());
        // Keycloak is the slowest: the services boot meanwhile (they wait for it to validate tokens)
        CompletableFuture<?> kc = CompletableFuture.runAsync(keycloak::start);
        kafka.start();
        log.step("services", "members " + ports.members() + ", proposals " + ports.proposals() + ", consultation "
                + ports.consultation() + ", notification " + ports.notification());
        for (Service s : Service.values()) {
            startService(s);
        }
        kc.join();
        for (Service s : Service.values()) {
            awaitReady(s);
        }
        startConsole(log);
        return this;
    }

    /**
     * The web console on its port, and its address allowed to log in with the realm's public client (the realm file
     * names only the documented port; tests run on free ones, and a realm imported long ago may predate the console).
     */
    private void startConsole(Log log) {
        Path dist = InfraPaths.repoRoot().resolve("console/target/dist");
        if (!Files.exists(dist.resolve("index.html"))) {
            throw new IllegalStateException(dist + " is missing: build first (mvn install -DskipTests)");
        }
        log.step("console", consoleUrl());
        Map<String, String> upstreams = new java.util.HashMap<>();
        for (Service s : Service.values()) {
            upstreams.put(s.prefix(), url(s));
        }
        try {
            console = new ConsoleServer(ports.console(), dist, upstreams, realmUrl()).start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        allowConsoleLogin();
    }

    private void allowConsoleLogin() {
        Api master = new Api(keycloakUrl() + "/realms/master");
        String admin = master.token("admin-cli", KeycloakServer.BOOTSTRAP_ADMIN, KeycloakServer.BOOTSTRAP_PASSWORD);
        String clients = keycloakUrl() + "/admin/realms/cppcc/clients";
        var found = master.get(clients + "?clientId=cppcc-app", admin).body();
        if (found.size() != 1) {
            throw new IllegalStateException("realm cppcc has no client cppcc-app");
        }
        var client = (com.fasterxml.jackson.databind.node.ObjectNode) found.get(0);
        String pattern = consoleUrl() + "/*";
        var uris = (com.fasterxml.jackson.databind.node.ArrayNode) client.withArray("redirectUris");
        boolean known = false;
        for (var u : uris) {
            known |= u.asText().equals(pattern);
        }
        if (!known) {
            uris.add(pattern);
        }
        var attributes = client.with("attributes");
        String logout = attributes.path("post.logout.redirect.uris").asText("");
        if (!logout.contains(pattern)) {
            attributes.put("post.logout.redirect.uris", logout.isEmpty() ? pattern : logout + "##" + pattern);
        }
        var reply = master.put(clients + "/" + client.get("id").asText(), admin, client);
        if (reply.status() != 204) {
            throw new IllegalStateException("could not allow the console to log in: " + reply.status() + " " + reply.body());
        }
    }

    /** The web console's address (the browser's entry point; it proxies the services' APIs under /members/, /proposals/, …). */
    public String consoleUrl() {
        return "http://localhost:" + ports.console();
    }

    public void startService(Service s) {
        services.put(s, launch(s, s.module(), s.port(ports), jdbcUrls.get(s), s.database(), kafka.bootstrapServers(), keycloak.realmUrl(),
                Map.of()));
    }

    /**
     * Starts one service's jar as a process of its own: the platform's services, and in the e2e tests a second
     * deployment's (its own database, broker and realm, and the settings in {@code extraEnv}).
     */
    public ManagedProcess launch(Service s, String name, int port, String jdbcUrl, String dbUser, String kafkaServers, String realmUrl,
                                 Map<String, String> extraEnv) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "QUARKUS_DATASOURCE_USERNAME", dbUser,
                "QUARKUS_DATASOURCE_PASSWORD", dbUser,
                "KAFKA_BOOTSTRAP_SERVERS", kafkaServers,
                "QUARKUS_OIDC_AUTH_SERVER_URL", realmUrl,
                "CPPCC_KEYCLOAK_URL", keycloak.url()));
        env.putAll(extraEnv);
        // Run from the jar's folder: the class archive built with the jar (AppCDS, 8.7 → 5.3 s to the first answer on
        // this machine) is valid only for the class path it was made with, "quarkus-run.jar" relative to that folder.
        Path app = jar(s).getParent();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC"));
        if (Files.exists(app.resolve("app-cds.jsa"))) {
            command.add("-XX:SharedArchiveFile=app-cds.jsa");
        }
        command.addAll(List.of("-jar", "quarkus-run.jar"));
        return ManagedProcess.start(name, command, app, env, logs().resolve(name + ".log"));
    }

    /** A database (and its login, of the same name and password) on the platform's PostgreSQL; its JDBC URL. */
    public String database(String name) {
        return postgres.ensureDatabase(name, name, name);
    }

    public Path stateDir() {
        return stateDir;
    }

    public void awaitReady(Service s) {
        ManagedProcess p = services.get(s);
        Wait.until(s.module(), Duration.ofSeconds(180), () -> {
            if (!p.alive()) {
                throw new IllegalStateException(s.module() + " exited; see " + p.log());
            }
            return Wait.httpOk(url(s) + "/q/health/ready");
        });
    }

    /** Kills a service at once, as a crash would. */
    public void killService(Service s) {
        ManagedProcess p = services.remove(s);
        if (p != null) {
            p.kill();
        }
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    /** Stops the embedded PostgreSQL (fast shutdown: sessions are cut, as in a restart); for fault drills. */
    public void stopPostgres() {
        if (externalPostgres != null) {
            throw new IllegalStateException("an external PostgreSQL is not ours to stop");
        }
        postgres.close();
    }

    /** Starts the embedded PostgreSQL again on the same data and port. */
    public void startPostgres() {
        postgres = PostgresServer.startEmbedded(stateDir.resolve("postgres"), ports.postgres());
    }

    public String url(Service s) {
        return "http://localhost:" + s.port(ports);
    }

    public String keycloakUrl() {
        return keycloak.url();
    }

    public String realmUrl() {
        return keycloak.realmUrl();
    }

    public Path logs() {
        return stateDir.resolve("logs");
    }

    private static Path jar(Service s) {
        return InfraPaths.repoRoot().resolve(s.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    @Override
    public void close() {
        if (console != null) {
            console.close();
        }
        List<Runnable> stops = new ArrayList<>();
        services.values().forEach(p -> stops.add(p::stop));
        services.clear();
        CompletableFuture.allOf(stops.stream().map(CompletableFuture::runAsync).toArray(CompletableFuture[]::new)).join();
        if (keycloak != null) {
            keycloak.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Progress lines for whoever started the platform. */
    public interface Log {
        void step(String what, String detail);

        static Log quiet() {
            return (what, detail) -> { };
        }
    }
}
