package org.cppcc.e2e;

import org.cppcc.deploy.Api;
import org.cppcc.deploy.DemoSeed;
import org.cppcc.deploy.LocalPlatform;
import org.cppcc.deploy.Ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** One platform for all e2e test classes (started by the launcher's code on free ports, with the demo data), stopped at JVM exit. */
final class E2ePlatform {

    private static LocalPlatform platform;
    private static Api api;

    private E2ePlatform() {
    }

    static synchronized LocalPlatform platform() {
        if (platform == null) {
            try {
                platform = new LocalPlatform(Files.createTempDirectory("cppcc-e2e-"), Ports.free(), null)
                        .start((what, detail) -> System.out.println("[e2e] starting " + what + ": " + detail));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
            DemoSeed.run(platform);
            api = new Api(platform.realmUrl());
        }
        return platform;
    }

    static Api api() {
        platform();
        return api;
    }

    /**
     * A user's token, as an app logs in: retried while Keycloak cannot answer (after a database restart its
     * pooled connections fail once each before it replaces them), for up to a minute.
     */
    static String token(String user) {
        String[] token = new String[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(500))
                .ignoreExceptions().until(() -> {
                    token[0] = api().token(user, org.cppcc.deploy.DemoSeed.DEMO_PASSWORD);
                    return true;
                });
        return token[0];
    }

    /** Sets a person's password in Keycloak (what they would do from the set-password e-mail), as its administrator. */
    static void setPassword(String username, String password) {
        setPassword("cppcc", username, password);
    }

    /** The same in a given realm (another deployment's). */
    static void setPassword(String realm, String username, String password) {
        String admin = platform().keycloakUrl() + "/admin/realms/" + realm;
        String kcAdmin = keycloakAdmin();
        var found = api().get(admin + "/users?exact=true&username=" + username, kcAdmin).body();
        if (found.size() != 1) {
            throw new IllegalStateException("no single account " + username + " in " + realm + ": " + found);
        }
        var reply = api().put(admin + "/users/" + found.get(0).get("id").asText() + "/reset-password",
                kcAdmin, java.util.Map.of("type", "password", "value", password, "temporary", false));
        if (reply.status() != 204) {
            throw new IllegalStateException("password of " + username + " not set: " + reply.status());
        }
    }

    /** A token of Keycloak's own administrator (master realm). */
    static String keycloakAdmin() {
        Api master = new Api(platform().keycloakUrl() + "/realms/master");
        return master.token("admin-cli", org.cppcc.platform.infra.KeycloakServer.BOOTSTRAP_ADMIN,
                org.cppcc.platform.infra.KeycloakServer.BOOTSTRAP_PASSWORD);
    }
}
