package org.cppcc.deploycheck;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The repository, the tools the checks run (kubectl, docker-compose), and a YAML reader that rejects unknown fields. */
final class Repo {

    static final Path ROOT = Path.of(System.getProperty("cppcc.root", "..")).toAbsolutePath().normalize();
    static final String VERSION = System.getProperty("cppcc.version", "0.1.0-SNAPSHOT");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * Binds YAML to a model and fails on any field the model does not have. The Kubernetes and Strimzi models keep
     * unknown fields in an "additional properties" map (a @JsonAnySetter) instead of failing: that is switched off.
     */
    static final ObjectMapper STRICT = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated a) {
                    return Boolean.FALSE;
                }
            });

    private Repo() {
    }

    /** Runs a command in the repository; its standard output, or a failure with everything it printed. */
    static String run(List<String> command) {
        try {
            Path err = Files.createTempFile("deploy-check", ".err");
            Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + out + Files.readString(err));
            }
            Files.delete(err);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A tool from Debian's packages: installed with apt-get when missing and this build runs as root (as CI does), so
     * that the README's test command needs nothing installed by hand; otherwise a failure that says what to install.
     */
    static synchronized String tool(String command, String debianPackage) {
        if (onPath(command)) {
            return command;
        }
        boolean root = "0".equals(run(List.of("id", "-u")).strip());
        // the package lists may be missing on a fresh machine: then update them and try again
        if (root && onPath("apt-get") && !tryInstall(debianPackage)) {
            run(List.of("apt-get", "update", "-q"));
            run(List.of("apt-get", "install", "-y", "-q", debianPackage));
        }
        if (!onPath(command)) {
            throw new AssertionError(command + " is needed to check deploy/ (Debian: apt-get install " + debianPackage + ")");
        }
        return command;
    }

    private static boolean tryInstall(String debianPackage) {
        try {
            return new ProcessBuilder("apt-get", "install", "-y", "-q", debianPackage).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Every document of a multi-document YAML text. */
    static List<JsonNode> documents(String yaml) {
        try {
            List<JsonNode> out = new ArrayList<>();
            for (var it = YAML.readerFor(JsonNode.class).readValues(yaml); it.hasNext(); ) {
                JsonNode d = (JsonNode) it.next();
                if (d != null && !d.isNull() && !d.isEmpty()) {
                    out.add(d);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
