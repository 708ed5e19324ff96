package org.cppcc.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Drives one request shape two ways. {@link #closed}: a fixed number of clients, each sending its next request when
 * the last is answered — the most the service gives (its limit). {@link #open}: requests start at a constant rate
 * whatever the answers do, and each latency is measured from when its request was <em>due</em>, not when it was
 * sent — so a stall shows as the waiting it causes (no coordinated omission).
 */
final class Load {

    /** The figures of one run: answers per second, latency percentiles (ms), answers by status (-1: none). */
    record Result(String name, double seconds, long requests, double perSecond, double p50, double p90, double p99, double max,
                  Map<Integer, Integer> statuses) {
        long errors() {
            return statuses.entrySet().stream().filter(e -> e.getKey() < 200 || e.getKey() >= 300).mapToLong(Map.Entry::getValue).sum();
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "load-client");
                t.setDaemon(true); // the harness's JVM ends when its main thread does
                return t;
            })).build();

    private Load() {
    }

    /** {@code clients} loops for {@code seconds}; the request is made anew for each call (n = the call's number). */
    static Result closed(String name, int clients, int seconds, IntFunction<HttpRequest> request) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger n = new AtomicInteger();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    int status = send(request.apply(n.getAndIncrement()));
                    latencies.add(System.nanoTime() - t0);
                    statuses.merge(status, 1, Integer::sum);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return result(name, (System.nanoTime() - start) / 1e9, latencies, statuses);
    }

    /** {@code rate} requests a second for {@code seconds}, each started on time; waits for the stragglers (up to 30 s). */
    static Result open(String name, double rate, int seconds, IntFunction<HttpRequest> request) throws InterruptedException {
        return open(name, rate, seconds, (i, due) -> request.apply(i));
    }

    /** A request made from its number and the {@link System#nanoTime} it is due at (for scenarios that time what follows it). */
    interface Scheduled {
        HttpRequest make(int number, long dueNanos);
    }

    /** As {@link #open(String, double, int, IntFunction)}, each request made knowing when it was due. */
    static Result open(String name, double rate, int seconds, Scheduled request) throws InterruptedException {
        int total = (int) Math.round(rate * seconds);
        long intervalNanos = (long) (1e9 / rate);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> pending = new ArrayList<>(total);
        AtomicLong lastAnswer = new AtomicLong();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = awaitDue(start, i, intervalNanos);
            pending.add(CLIENT.sendAsync(request.make(i, due), HttpResponse.BodyHandlers.discarding())
                    .orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                    .handle((r, e) -> {
                        long now = System.nanoTime();
                        lastAnswer.accumulateAndGet(now, Math::max);
                        latencies.add(now - due);
                        statuses.merge(e == null ? r.statusCode() : -1, 1, Integer::sum);
                        return null;
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return result(name, (lastAnswer.get() - start) / 1e9, latencies, statuses);
    }

    /** The open model's clock: the i-th event is due at start + i × interval; sleeps until then (not if late) and returns it. */
    static long awaitDue(long start, int i, long intervalNanos) throws InterruptedException {
        long due = start + i * intervalNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        return due;
    }

    private static int send(HttpRequest r) {
        try {
            return CLIENT.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static Result result(String name, double seconds, ConcurrentLinkedQueue<Long> nanos, Map<Integer, Integer> statuses) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(name, seconds, sorted.length, sorted.length / seconds, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, new TreeMap<>(statuses));
    }

    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }
}
