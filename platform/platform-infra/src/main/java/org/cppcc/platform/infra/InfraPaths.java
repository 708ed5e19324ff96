package org.cppcc.platform.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where the build left the server binaries and the realm (see cppcc-infra.properties, filtered by Maven). */
public final class InfraPaths {

    private static final Properties PROPS = load();

    private InfraPaths() {
    }

    public static Path kafkaLib() {
        return existing("kafka.lib");
    }

    public static Path mirrorMakerLib() {
        return existing("mirror.lib");
    }

    public static Path keycloakHome() {
        return existing("keycloak.home");
    }

    public static Path realmFile() {
        return existing("keycloak.realm");
    }

    public static Path repoRoot() {
        return existing("repo.root");
    }

    private static Path existing(String key) {
        Path p = Path.of(PROPS.getProperty(key));
        if (!Files.exists(p)) {
            throw new IllegalStateException(key + " not found at " + p
                    + ": build the platform first (mvn install -DskipTests from the repository root)");
        }
        return p;
    }

    private static Properties load() {
        try (InputStream in = InfraPaths.class.getResourceAsStream("/cppcc-infra.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
