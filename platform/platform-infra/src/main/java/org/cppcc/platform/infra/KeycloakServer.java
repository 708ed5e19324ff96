package org.cppcc.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from its distribution zip (unpacked by the servers module), in production mode on plain HTTP,
 * keeping its data in PostgreSQL, with the cppcc realm imported at start (skipped if it already exists).
 */
public final class KeycloakServer implements AutoCloseable {

    /** Build-time options; changing them makes the next start re-run "kc.sh build". */
    private static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--cache=local");

    public static final String BOOTSTRAP_ADMIN = "kcadmin";
    public static final String BOOTSTRAP_PASSWORD = "kcadmin";

    private final int port;
    private final String jdbcUrl;
    private final String dbUser;
    private final String dbPassword;
    private final Path logDir;
    private ManagedProcess process;

    public KeycloakServer(int port, String jdbcUrl, String dbUser, String dbPassword, Path logDir) {
        this.port = port;
        this.jdbcUrl = jdbcUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.logDir = logDir;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** The realm standing for another deployment's (the national committee's), imported beside ours. */
    public String peerRealmUrl() {
        return url() + "/realms/cppcc-national";
    }

    public String realmUrl() {
        return url() + "/realms/cppcc";
    }

    public int port() {
        return port;
    }

    public synchronized KeycloakServer start() {
        Path home = InfraPaths.keycloakHome();
        Path kc = home.resolve("bin/kc.sh");
        Map<String, String> env = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", BOOTSTRAP_ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", BOOTSTRAP_PASSWORD,
                "JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m");
        try {
            ensureBuilt(home, kc, env);
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            Files.copy(InfraPaths.realmFile(), importDir.resolve("cppcc-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            // a second realm standing for another deployment's (tokens from another issuer, ADR 0012)
            Path peer = InfraPaths.realmFile().resolveSibling("cppcc-national-realm.json");
            if (Files.exists(peer)) {
                Files.copy(peer, importDir.resolve("cppcc-national-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process = ManagedProcess.start("keycloak", List.of("bash", kc.toString(), "start", "--optimized",
                        "--http-enabled=true", "--http-port=" + port,
                        // one public address: tokens carry the same issuer however a client reached Keycloak (localhost, 127.0.0.1, …)
                        "--hostname=" + url(),
                        "--db-url=" + jdbcUrl, "--db-username=" + dbUser, "--db-password=" + dbPassword,
                        "--import-realm", "--log-level=warn,org.keycloak.services:info"),
                home, env, logDir.resolve("keycloak.log"));
        Wait.until("Keycloak on port " + port, Duration.ofSeconds(240), () -> {
            if (!process.alive()) {
                throw new IllegalStateException("Keycloak exited; see " + process.log());
            }
            return Wait.httpOk(realmUrl() + "/.well-known/openid-configuration");
        });
        return this;
    }

    private void ensureBuilt(Path home, Path kc, Map<String, String> env) throws IOException {
        Path marker = home.resolve(".cppcc-build");
        String wanted = String.join(" ", BUILD_OPTIONS);
        if (Files.exists(marker) && Files.readString(marker).equals(wanted)) {
            return;
        }
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", kc.toString(), "build"));
        cmd.addAll(BUILD_OPTIONS);
        ManagedProcess.run("keycloak-build", cmd, home, env, logDir.resolve("keycloak-build.log"), 600);
        Files.writeString(marker, wanted);
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
