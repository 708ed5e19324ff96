package org.cppcc.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for the platform's APIs, as the apps use them: bearer tokens from Keycloak, JSON bodies. */
public final class Api {

    public record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String realmUrl;

    public Api(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    /** An access token for a user, through the app's client (password grant: demo and tests only). */
    public String token(String username, String password) {
        return token("cppcc-app", username, password);
    }

    /** An access token through a given client of this realm (admin-cli of the master realm, for drills). */
    public String token(String clientId, String username, String password) {
        String form = "grant_type=password&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        Reply r = send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        if (r.status() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + r.status() + " " + r.body());
        }
        return r.body().get("access_token").asText();
    }

    public static String subject(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sub").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET, with a bearer token, or anonymous when token is null. */
    public Reply get(String url, String token) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return send(r);
    }

    public Reply post(String url, String token, Object body) {
        return send(json(url, token).POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    /** A POST with extra headers (an Idempotency-Key, say). */
    public Reply post(String url, String token, Object body, java.util.Map<String, String> headers) {
        HttpRequest.Builder r = json(url, token);
        headers.forEach(r::header);
        return send(r.POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    /** A DELETE, with a bearer token, or anonymous when token is null. */
    public Reply delete(String url, String token) {
        return delete(url, token, java.util.Map.of());
    }

    /** A DELETE with extra headers. */
    public Reply delete(String url, String token, java.util.Map<String, String> headers) {
        HttpRequest.Builder r = json(url, token);
        headers.forEach(r::header);
        return send(r.DELETE());
    }

    public Reply put(String url, String token, Object body) {
        return send(json(url, token).PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    /** A JSON request, with a bearer token, or anonymous when token is null (the public calls). */
    private static HttpRequest.Builder json(String url, String token) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
        return token == null ? r : r.header("Authorization", "Bearer " + token);
    }

    private static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body() == null || r.body().isBlank() ? JSON.nullNode() : parse(r.body());
            return new Reply(r.statusCode(), body, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(s);
        }
    }
}
