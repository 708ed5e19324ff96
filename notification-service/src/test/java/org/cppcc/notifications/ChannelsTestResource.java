package org.cppcc.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.cppcc.platform.infra.Ports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The outside world of notification-service, for real: a GreenMail SMTP server, and a local HTTP server
 * playing the SMS gateway and the push provider (it records what it receives and can be told to fail).
 */
public class ChannelsTestResource implements QuarkusTestResourceLifecycleManager {

    public static final List<String> SMS = new CopyOnWriteArrayList<>();
    public static final List<String> PUSH = new CopyOnWriteArrayList<>();
    public static final AtomicBoolean SMS_FAILS = new AtomicBoolean();
    /** The Idempotency-Key of each SMS request, in order. */
    public static final List<String> SMS_KEYS = new CopyOnWriteArrayList<>();
    /** When set, the gateway holds each SMS request until the test completes this (to look at the database meanwhile). */
    public static final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Void>> SMS_HOLD =
            new java.util.concurrent.atomic.AtomicReference<>();
    /** Set when a held SMS request has arrived. */
    public static final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CountDownLatch> SMS_ARRIVED =
            new java.util.concurrent.atomic.AtomicReference<>(new java.util.concurrent.CountDownLatch(1));
    private static GreenMail smtp;
    private static HttpServer providers;

    public static GreenMail smtp() {
        return smtp;
    }

    @Override
    public synchronized Map<String, String> start() {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            try {
                providers = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            providers.createContext("/sms/messages", ex -> {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                SMS_KEYS.add(String.valueOf(ex.getRequestHeaders().getFirst("Idempotency-Key")));
                var hold = SMS_HOLD.get();
                if (hold != null) {
                    SMS_ARRIVED.get().countDown();
                    hold.join();
                }
                if (SMS_FAILS.get()) {
                    answer(ex, 503, "{\"error\":\"gateway unavailable\"}");
                    return;
                }
                SMS.add(body);
                answer(ex, 200, "{\"messageId\":\"sms-" + UUID.randomUUID() + "\"}");
            });
            providers.createContext("/push/messages", ex -> {
                PUSH.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                answer(ex, 200, "{\"messageId\":\"push-" + UUID.randomUUID() + "\"}");
            });
            providers.start();
        }
        String base = "http://127.0.0.1:" + providers.getAddress().getPort();
        return Map.ofEntries(
                Map.entry("quarkus.mailer.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.port", String.valueOf(smtp.getSmtp().getPort())),
                Map.entry("quarkus.mailer.mock", "false"),
                Map.entry("cppcc.notify.email.adapter", "smtp"),
                Map.entry("cppcc.notify.sms.adapter", "http"),
                Map.entry("cppcc.notify.sms.url", base + "/sms"),
                Map.entry("cppcc.notify.push.adapter", "http"),
                Map.entry("cppcc.notify.push.url", base + "/push"),
                Map.entry("cppcc.notify.receipt-token", "test-receipt-token"),
                Map.entry("cppcc.notify.retry.base", "0.2s"),
                Map.entry("cppcc.notify.retry.max-attempts", "3"),
                Map.entry("cppcc.notify.dispatch-every", "1s"),
                Map.entry("cppcc.notify.broadcast-every", "1s"),
                Map.entry("cppcc.notify.sms.max-per-hour", "100"));
    }

    private static void answer(com.sun.net.httpserver.HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        // shared by the test classes of this JVM
    }
}
