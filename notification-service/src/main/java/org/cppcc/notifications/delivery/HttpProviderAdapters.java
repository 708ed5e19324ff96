package org.cppcc.notifications.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * SMS gateways and push providers that take a JSON POST: {@code {to, title, text, link}} to
 * {@code <url>/messages} with a bearer API key; a 2xx answer with {@code messageId} means accepted. Real
 * providers (运营商短信网关, 厂商推送) sit behind such a small HTTP adapter of their own.
 */
public final class HttpProviderAdapters {

    private HttpProviderAdapters() {
    }

    abstract static class Http implements ChannelAdapter {

        private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        private static final ObjectMapper JSON = new ObjectMapper();

        private final Channel channel;
        private final String prefix;

        /** @param prefix configuration of this provider: {@code <prefix>.url} and {@code <prefix>.api-key} */
        Http(Channel channel, String prefix) {
            this.channel = channel;
            this.prefix = prefix;
        }

        @Override
        public Channel channel() {
            return channel;
        }

        private Optional<String> url() {
            return ConfigProvider.getConfig().getOptionalValue(prefix + ".url", String.class);
        }

        private Optional<String> apiKey() {
            return ConfigProvider.getConfig().getOptionalValue(prefix + ".api-key", String.class);
        }

        @Override
        public String name() {
            return "http";
        }

        @Override
        public String send(Outgoing m) throws Exception {
            String base = url().orElseThrow(() -> new IllegalStateException("no URL configured for the " + channel() + " provider"));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("to", m.addresses());
            body.put("title", m.title());
            body.put("text", m.body());
            body.put("link", m.link());
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + "/messages")).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json").header("Idempotency-Key", m.key()).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            apiKey().ifPresent(k -> r.header("Authorization", "Bearer " + k));
            HttpResponse<String> response = CLIENT.send(r.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(channel() + " provider answered " + response.statusCode());
            }
            JsonNode answer = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
            return answer != null && answer.hasNonNull("messageId") ? answer.get("messageId").asText() : null;
        }
    }

    @ApplicationScoped
    public static class Sms extends Http {
        public Sms() {
            super(Channel.SMS, "cppcc.notify.sms");
        }
    }

    @ApplicationScoped
    public static class Push extends Http {
        public Push() {
            super(Channel.PUSH, "cppcc.notify.push");
        }
    }
}
