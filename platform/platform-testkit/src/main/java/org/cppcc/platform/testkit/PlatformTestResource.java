package org.cppcc.platform.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.cppcc.platform.infra.KafkaBroker;
import org.cppcc.platform.infra.KeycloakServer;
import org.cppcc.platform.infra.Ports;
import org.cppcc.platform.infra.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Starts the real components a service's @QuarkusTest suite talks to: PostgreSQL (embedded binaries),
 * a Kafka broker in its own JVM and Keycloak with the cppcc realm, each on a free port, once per test JVM.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static KeycloakServer keycloak;
    private static Path dir;

    @Override
    public synchronized Map<String, String> start() {
        if (postgres == null) {
            try {
                dir = Files.createTempDirectory("cppcc-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = PostgresServer.startEmbedded(dir.resolve("postgres"), Ports.free());
            String kcDb = postgres.ensureDatabase("keycloak", "keycloak", "keycloak");
            postgres.ensureDatabase("service", "service", "service");
            kafka = new KafkaBroker(dir.resolve("kafka"), Ports.free(), Ports.free());
            keycloak = new KeycloakServer(Ports.free(), kcDb, "keycloak", "keycloak", dir);
            CompletableFuture<?> k = CompletableFuture.runAsync(kafka::start);
            keycloak.start();
            k.join();
            Runtime.getRuntime().addShutdownHook(new Thread(PlatformTestResource::stopAll));
        }
        System.setProperty(TestPlatform.KAFKA, kafka.bootstrapServers());
        System.setProperty(TestPlatform.REALM, keycloak.realmUrl());
        System.setProperty(TestPlatform.JDBC, postgres.jdbcUrl("service"));
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl("service"),
                "quarkus.datasource.username", "service",
                "quarkus.datasource.password", "service",
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.oidc.auth-server-url", keycloak.realmUrl(),
                "cppcc.peer.enabled", "true",
                "cppcc.peer.realm-url", keycloak.peerRealmUrl(),
                "cppcc.keycloak.url", keycloak.url());
    }

    /** Components live for the whole test JVM: several test classes share them. */
    @Override
    public void stop() {
    }

    /** The outbox tests take the broker away and bring it back. */
    public static KafkaBroker kafka() {
        return kafka;
    }

    /** The account tests take Keycloak away (an outage) and bring it back. */
    public static KeycloakServer keycloak() {
        return keycloak;
    }

    private static synchronized void stopAll() {
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
}
