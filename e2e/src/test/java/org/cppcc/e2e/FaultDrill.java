package org.cppcc.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.cppcc.deploy.Api;
import org.cppcc.deploy.LocalPlatform;
import org.cppcc.deploy.Service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fault drill: submissions at a steady rate from several members, faults injected at chosen submissions, then
 * the checks every drill shares. A client retries a failed submission with the same Idempotency-Key, as the apps
 * do; afterwards every submission exists once, and each has exactly one staff notification, one receipt and one
 * 履职 entry.
 */
final class FaultDrill {

    /** who submits, and where their committee's proposal office reads */
    static final List<String[]> AUTHORS = List.of(new String[]{"hp-member", "440112", "hp-staff"}, new String[]{"hp-member2", "440112", "hp-staff"},
            new String[]{"gz-member", "440100", "gz-staff"});

    /** A fault injected at one submission; it describes itself and may add a recovery to wait for. */
    interface Fault {
        String inject(List<CompletableFuture<?>> recoveries);
    }

    record Submission(int n, String author, String committee, String key, String title) {
    }

    /** What a drill saw: answers by status (-1: no answer), 5xx answers that were not a clean 503, faults, timings. */
    record Outcome(Map<Integer, Integer> statuses, List<String> unclean, List<String> faults, int firstTry, long loadSeconds,
                   long caughtUpSeconds, List<String> duplicated) {
        String figures(int submissions, int rate) {
            return String.format("%d submissions at %d/s in %d s; faults: %s; answers %s (-1: no answer); %d stored at the first try, "
                            + "the rest on retry with the same key; all effects %d s after the load; 0 lost; duplicated: %d; unclean 5xx: %d",
                    submissions, rate, loadSeconds, faults, statuses, firstTry, caughtUpSeconds, duplicated.size(), unclean.size());
        }
    }

    private final LocalPlatform platform;
    private final Api api;

    FaultDrill(LocalPlatform platform, Api api) {
        this.platform = platform;
        this.api = api;
    }

    private static String token(String user) {
        return E2ePlatform.token(user);
    }

    /** Runs the load with its faults, retries what failed, and checks that nothing is lost or duplicated. */
    Outcome run(int submissions, int rate, Map<Integer, Fault> faultsAt) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> tokens = new HashMap<>();
        AUTHORS.forEach(a -> tokens.put(a[0], token(a[0])));
        List<Submission> all = new ArrayList<>();
        for (int i = 0; i < submissions; i++) {
            String[] a = AUTHORS.get(i % AUTHORS.size());
            all.add(new Submission(i, a[0], a[1], UUID.randomUUID().toString(), "故障演练" + run + "-" + i));
        }
        Map<Integer, String> ids = new ConcurrentHashMap<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> unclean = Collections.synchronizedList(new ArrayList<>());
        List<String> faults = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> recoveries = Collections.synchronizedList(new ArrayList<>());

        // a steady rate: one submission every 1/rate s, handed to a pool of clients
        ExecutorService clients = Executors.newFixedThreadPool(16);
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch issued = new CountDownLatch(submissions);
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        pace.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= submissions) {
                return;
            }
            Fault f = faultsAt.get(i);
            if (f != null) {
                faults.add(f.inject(recoveries) + " at submission " + i);
            }
            Submission s = all.get(i);
            clients.submit(() -> {
                String id = attempt(s, tokens, statuses, unclean);
                if (id != null) {
                    ids.put(s.n(), id);
                }
                issued.countDown();
            });
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        assertTrue(issued.await(submissions / rate + 600, TimeUnit.SECONDS), "every submission was tried");
        pace.shutdownNow();
        clients.shutdown();
        for (CompletableFuture<?> r : List.copyOf(recoveries)) {
            r.get(5, TimeUnit.MINUTES);
        }
        long loadSeconds = (System.nanoTime() - started) / 1_000_000_000;
        int firstTry = ids.size();

        // the apps retry what failed, with the same key: it was stored once or not at all, never half
        for (Submission s : all) {
            if (!ids.containsKey(s.n())) {
                String id = null;
                for (int tries = 0; id == null && tries < 20; tries++) {
                    id = attempt(s, tokens, statuses, unclean);
                }
                assertTrue(id != null, "submission " + s.n() + " succeeds on retry");
                ids.put(s.n(), id);
            }
        }
        assertEquals(submissions, new HashSet<>(ids.values()).size(), "one proposal per submission");

        // each exists once in its committee
        Set<String> listed = new HashSet<>();
        int listedTotal = 0;
        for (String[] office : List.of(new String[]{"440112", "hp-staff"}, new String[]{"440100", "gz-staff"})) {
            for (JsonNode p : pages(platform.url(Service.PROPOSALS) + "/committees/" + office[0] + "/proposals?limit=100", token(office[1]), "items")) {
                if (p.get("title").asText().startsWith("故障演练" + run + "-")) {
                    listed.add(p.get("id").asText());
                    listedTotal++;
                }
            }
        }
        assertEquals(submissions, listedTotal, "no proposal exists twice");
        assertEquals(new HashSet<>(ids.values()), listed);

        // one staff notification, one receipt and one 履职 entry each, once everything has caught up
        long catchUp = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(5)).until(() ->
                countsOf(ids.values(), "hp-staff", "gz-staff").size() == submissions);
        Map<String, Integer> staff = countsOf(ids.values(), "hp-staff", "gz-staff");
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(5)).until(() ->
                countsOf(ids.values(), "hp-member", "hp-member2", "gz-member").size() == submissions);
        Map<String, Integer> receipts = countsOf(ids.values(), "hp-member", "hp-member2", "gz-member");
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(5)).until(() -> entries(ids.values()).size() == submissions);
        Map<String, Integer> entries = entries(ids.values());
        long caughtUpSeconds = (System.nanoTime() - catchUp) / 1_000_000_000;

        List<String> duplicated = new ArrayList<>();
        staff.forEach((id, n) -> { if (n != 1) duplicated.add("staff " + id + " ×" + n); });
        receipts.forEach((id, n) -> { if (n != 1) duplicated.add("receipt " + id + " ×" + n); });
        entries.forEach((id, n) -> { if (n != 1) duplicated.add("履职 " + id + " ×" + n); });
        return new Outcome(Map.copyOf(statuses), List.copyOf(unclean), List.copyOf(faults), firstTry, loadSeconds, caughtUpSeconds, duplicated);
    }

    /** One try of a submission; its proposal id, or null when it failed (5xx, refused connection, timeout). */
    private String attempt(Submission s, Map<String, String> tokens, Map<Integer, Integer> statuses, List<String> unclean) {
        try {
            Api.Reply r = api.post(platform.url(Service.PROPOSALS) + "/committees/" + s.committee() + "/proposals", tokens.get(s.author()),
                    Map.of("title", s.title(), "body", "故障演练提交的提案正文。", "publishConsent", true), Map.of("Idempotency-Key", s.key()));
            statuses.merge(r.status(), 1, Integer::sum);
            if (r.status() >= 500 && !(r.status() == 503 && r.header("Retry-After") != null
                    && String.valueOf(r.header("Content-Type")).startsWith("application/problem+json"))) {
                unclean.add(r.status() + " " + r.body());
            }
            return r.status() == 201 ? r.body().get("id").asText() : null;
        } catch (RuntimeException e) {
            statuses.merge(-1, 1, Integer::sum); // no answer at all: the service is down
            return null;
        }
    }

    /** Every item of a paged list. */
    private List<JsonNode> pages(String url, String token, String itemsPath) {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        do {
            Api.Reply r = api.get(url + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), token);
            assertEquals(200, r.status(), () -> url + " answered " + r.status() + " " + r.body());
            JsonNode page = r.body().at(itemsPath.startsWith("/") ? itemsPath : "/" + itemsPath.replace('.', '/'));
            JsonNode container = itemsPath.contains(".") ? r.body().at("/" + itemsPath.substring(0, itemsPath.lastIndexOf('.')).replace('.', '/'))
                    : r.body();
            page.forEach(out::add);
            cursor = container.hasNonNull("next") ? container.get("next").asText() : null;
        } while (cursor != null);
        return out;
    }

    /** How many inbox items of these users point at each of the proposals. */
    private Map<String, Integer> countsOf(java.util.Collection<String> proposalIds, String... users) {
        Set<String> wanted = new HashSet<>(proposalIds);
        Map<String, Integer> counts = new HashMap<>();
        for (String user : users) {
            for (JsonNode n : pages(platform.url(Service.NOTIFICATION) + "/me/notifications?limit=100", token(user), "items")) {
                String link = n.get("link").asText();
                String id = link.substring(link.lastIndexOf('/') + 1);
                if (wanted.contains(id)) {
                    counts.merge(id, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** How many 履职 entries (PROPOSAL_SUBMITTED) each proposal has, over its authors' records. */
    private Map<String, Integer> entries(java.util.Collection<String> proposalIds) {
        Set<String> wanted = new HashSet<>(proposalIds);
        Map<String, Integer> counts = new HashMap<>();
        for (String[] a : AUTHORS) {
            for (JsonNode e : pages(platform.url(Service.MEMBERS) + "/me/performance?limit=100", token(a[0]), "entries.items")) {
                if ("PROPOSAL_SUBMITTED".equals(e.get("kind").asText()) && wanted.contains(e.get("evidenceId").asText())) {
                    counts.merge(e.get("evidenceId").asText(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
