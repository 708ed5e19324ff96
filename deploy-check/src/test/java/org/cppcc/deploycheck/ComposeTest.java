package org.cppcc.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/compose: accepted by docker-compose (config), the whole platform in it, and no password written down. */
class ComposeTest {

    static final Path COMPOSE = Repo.ROOT.resolve("deploy/compose/docker-compose.yml");

    @Test
    void dockerComposeAcceptsTheWholePlatform() throws Exception {
        // the passwords as make-env.sh writes them (random), in a file of this test's own
        Path env = Files.createTempFile("compose", ".env");
        try {
            Repo.run(List.of("bash", Repo.ROOT.resolve("deploy/compose/make-env.sh").toString()));
            Path made = Repo.ROOT.resolve("deploy/compose/.env");
            Files.move(made, env, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            String config = Repo.run(List.of(Repo.tool("docker-compose", "docker-compose"), "--env-file", env.toString(), "-f", COMPOSE.toString(),
                    "config"));
            JsonNode services = Repo.documents(config).get(0).path("services");
            Set<String> names = new java.util.HashSet<>();
            services.fieldNames().forEachRemaining(names::add);
            assertEquals(Set.of("postgres", "kafka", "keycloak", "members-service", "proposals-service", "consultation-service",
                    "notification-service", "demo-seed"), names);
            for (String s : names) {
                JsonNode svc = services.path(s);
                String image = svc.path("image").asText();
                assertTrue(image.matches(".+:[^:/]+") && !image.endsWith(":latest"), s + ": a fixed image tag, not " + image);
                if (s.endsWith("-service")) {
                    assertEquals("cppcc/" + s + ":" + Repo.VERSION, image, "the image jib builds");
                    assertTrue(svc.has("healthcheck"), s + ": a health check");
                    assertEquals("8080", svc.path("environment").path("QUARKUS_HTTP_PORT").asText("8080"));
                }
            }
            assertEquals("cppcc/demo-seed:" + Repo.VERSION, services.path("demo-seed").path("image").asText());
            assertEquals("no", services.path("demo-seed").path("restart").asText(), "the seed runs once");
            // the generated passwords reached the services, none of them empty
            String password = services.path("members-service").path("environment").path("QUARKUS_DATASOURCE_PASSWORD").asText();
            assertTrue(password.matches("[0-9a-f]{32}"), "a generated password, not " + password);
        } finally {
            Files.deleteIfExists(env);
        }
    }

    @Test
    void noPasswordIsWrittenInTheComposeFile() throws Exception {
        String text = Files.readString(COMPOSE);
        Matcher m = Pattern.compile("(?m)^\\s*([A-Z_]*(PASSWORD|SECRET)[A-Z_]*):\\s*(.*)$").matcher(text);
        int found = 0;
        while (m.find()) {
            found++;
            assertTrue(m.group(3).startsWith("${") && m.group(3).contains(":?"), m.group(1) + " must come from .env (make-env.sh), not " + m.group(3));
        }
        assertTrue(found >= 6, "the databases' and Keycloak's passwords are set");
        assertFalse(Files.readString(Repo.ROOT.resolve(".gitignore")).lines().noneMatch("deploy/compose/.env"::equals), ".env is not committed");
    }
}
