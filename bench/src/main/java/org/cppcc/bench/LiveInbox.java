package org.cppcc.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person's live inbox (the server-sent events of {@code /me/notifications/stream}), read as the office's app reads
 * it: each event whose text carries {@code marker<number>.} is noted with the moment it arrived. When the stream ends
 * (the token expired, or the server closed a slow reader) it reconnects with a fresh token and Last-Event-ID, so what was
 * missed meanwhile arrives late rather than never — as it would for a person.
 */
final class LiveInbox implements AutoCloseable {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final Supplier<String> token;
    private final Pattern marker;
    private final Map<String, Long> arrived = new ConcurrentHashMap<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final Thread reader;
    private volatile boolean closed;
    private volatile String lastEventId;
    private volatile int reconnects = -1;

    LiveInbox(String url, Supplier<String> token, String markerPrefix) {
        this.url = url;
        this.token = token;
        this.marker = Pattern.compile(Pattern.quote(markerPrefix) + "([0-9a-z]+-[0-9]+)\\.");
        this.reader = new Thread(this::read, "live-inbox");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until the stream answered (the server registers the connection before it answers). */
    LiveInbox awaitConnected() throws InterruptedException {
        if (!connected.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the live inbox did not answer within 30 s: " + url);
        }
        return this;
    }

    /** When the event marked {@code key} arrived ({@link System#nanoTime}), or null. */
    Long arrivedAt(String key) {
        return arrived.get(key);
    }

    int arrivals() {
        return arrived.size();
    }

    int reconnects() {
        return Math.max(0, reconnects);
    }

    private void read() {
        while (!closed) {
            reconnects++;
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + token.get());
            if (lastEventId != null) {
                r.header("Last-Event-ID", lastEventId);
            }
            try {
                HttpResponse<java.util.stream.Stream<String>> response = client.send(r.build(), HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("the live inbox answered " + response.statusCode());
                }
                connected.countDown();
                try (var lines = response.body()) {
                    lines.takeWhile(l -> !closed).forEach(this::line);
                }
            } catch (java.io.IOException e) {
                // the stream ended: reconnect at once (with Last-Event-ID) unless closed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void line(String line) {
        if (line.startsWith("id:")) {
            lastEventId = line.substring(3).strip();
        } else if (line.startsWith("data:")) {
            long now = System.nanoTime();
            Matcher m = marker.matcher(line);
            while (m.find()) {
                arrived.putIfAbsent(m.group(1), now);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
    }
}
