package org.cppcc.platform.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens from Keycloak for the demo users (password grant of the cppcc-app client). */
public final class Tokens {

    public static final String DEMO_PASSWORD = "demo";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A token for a demo user, cached for the test run (tokens live 15 minutes). */
    public static String of(String username) {
        return CACHE.computeIfAbsent(TestPlatform.realmUrl() + "|" + username, k -> fetch(TestPlatform.realmUrl(), username, DEMO_PASSWORD));
    }

    public static String fetch(String realmUrl, String username, String password) {
        return fetch(realmUrl, "cppcc-app", username, password);
    }

    /** A token of another client of the realm (e.g. admin-cli): the API must refuse it (wrong audience). */
    public static String fetch(String realmUrl, String clientId, String username, String password) {
        String form = "grant_type=password&client_id=" + clientId + "&scope=openid&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("no token for " + username + ": " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body()).get("access_token").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The Keycloak subject (user id) inside a token. */
    public static String subject(String token) {
        try {
            String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            return JSON.readTree(payload).get("sub").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
