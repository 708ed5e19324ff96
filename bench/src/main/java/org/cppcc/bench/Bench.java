package org.cppcc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.cppcc.bench.Load.Result;
import org.cppcc.deploy.Api;
import org.cppcc.deploy.Ports;
import org.cppcc.platform.infra.KeycloakServer;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The load-test harness: against the platform the launcher started ({@code ./deploy/run.sh}, documented ports), each
 * scenario runs next to its physical limit measured in the same run on the same machine — pgbench's rate for the
 * submission's bare SQL transaction, the framework's floor (the health endpoint) — and reports its figure as a ratio
 * to it, then its latency under an open-model load at a constant rate. Writes docs/bench/&lt;date&gt;.md and .svg.
 * <p>
 * Arguments: {@code [seconds per run, default 20] [clients for the closed runs, default 8] [report folder] [only the scenarios
 * starting with]}; BENCH_P3_SECONDS (default: the run's seconds) and BENCH_P4_MEMBERS (default 600,000) in the environment.
 */
public final class Bench {

    static final String COMMITTEE = "440112";
    static final int BENCH_MEMBERS = 40;

    private final Ports ports = Ports.documented();
    private final Api api = new Api("http://localhost:" + ports.keycloak() + "/realms/cppcc");
    private final int seconds;
    private final int clients;
    private final List<Report.Row> rows = new ArrayList<>();

    private Bench(int seconds, int clients) {
        this.seconds = seconds;
        this.clients = clients;
    }

    public static void main(String[] args) throws Exception {
        Bench b = new Bench(args.length > 0 ? Integer.parseInt(args[0]) : 20, args.length > 1 ? Integer.parseInt(args[1]) : 8);
        // a fourth argument runs only the scenarios whose names start with it (e.g. P1, while profiling one path)
        b.only = args.length > 3 ? args[3] : "";
        b.run(Path.of(args.length > 2 ? args[2] : "docs/bench"));
    }

    private String only = "";

    private String url(int port, String path) {
        return "http://localhost:" + port + path;
    }

    private void run(Path out) throws Exception {
        String sql = Path.of("bench/sql").toAbsolutePath().toString();
        List<String> members = BenchMembers.ensure(api, ports, BENCH_MEMBERS);
        say("bench members ready: " + members.size());

        // the framework's floor: the bare health endpoint of proposals-service
        java.util.function.IntFunction<HttpRequest> health = n -> Load.request(url(ports.proposals(), "/q/health/live"), null).build();
        warmUp(health);
        Result floor = Load.closed("health (floor)", clients, seconds, health);
        say(floor);

        // P1 submission against pgbench's rate for the same transaction
        if ("P1 submission".startsWith(only)) {
            submission(sql, members);
        }

        // P2 committee-scoped reads against the floor, each request from the next of the members (also office staff)
        String proposal = anyProposal(tokens(members).get(0));
        String c = "/committees/" + COMMITTEE;
        read("P2 office's proposal list (20)", floor, tokens(members), url(ports.proposals(), c + "/proposals?limit=20"));
        read("P2 a proposal", floor, tokens(members), url(ports.proposals(), c + "/proposals/" + proposal));
        read("P2 a proposal's history", floor, tokens(members), url(ports.proposals(), c + "/proposals/" + proposal + "/history"));
        read("P2 the inbox (20)", floor, tokens(members), url(ports.notification(), "/me/notifications?limit=20"));
        read("P2 the unread count", floor, tokens(members), url(ports.notification(), "/me/notifications/unread-count"));
        read("P2 a member's performance", floor, tokens(members), url(ports.members(), "/me/performance"));

        if ("P3 submit → live inbox".startsWith(only) || only.startsWith("P3")) {
            liveInbox(members);
        }
        if ("P4 broadcast".startsWith(only) || only.startsWith("P4")) {
            broadcast(members);
        }
        if ("P5 footprint".startsWith(only) || only.startsWith("P5")) {
            footprint();
        }

        Files.createDirectories(out);
        String date = LocalDate.now().toString();
        Report.write(out.resolve(date + ".md"), out.resolve(date + ".svg"), date, floor, rows, seconds, clients);
        say("report: " + out.resolve(date + ".md"));
    }

    /** P3 runs this long at each of BENCH_P3_RATES (default 50,200) submissions a second (BENCH_P3_SECONDS; the target speaks of 300), P4 broadcasts to this many members (BENCH_P4_MEMBERS). */
    private final int p3Seconds = Integer.parseInt(System.getenv().getOrDefault("BENCH_P3_SECONDS", "0"));
    private final int p4Members = Integer.parseInt(System.getenv().getOrDefault("BENCH_P4_MEMBERS", "600000"));

    /**
     * P3: proposals submitted at a constant rate, each timed from when it was due to when the proposal office's live
     * inbox (SSE, one of the office's people connected) shows it — next to Kafka's own produce → consume latency at the
     * same rate on the same broker. A growing backlog shows as the last fifth's latencies far above the first fifth's.
     */
    private void liveInbox(List<String> members) throws Exception {
        int secs = p3Seconds > 0 ? p3Seconds : seconds;
        for (String r : System.getenv().getOrDefault("BENCH_P3_RATES", "50,200").split(",")) {
            double rate = Double.parseDouble(r.strip());
            // warm-up up to the same rate, until its items have reached the inbox: the consumers' code is compiled and no backlog
            // is left. A ramp, because 200/s on code not yet compiled builds a backlog of minutes (measured: p50 33 s after 75 s)
            for (double share : new double[] {0.25, 0.5, 1.0}) {
                submitToLiveInbox("warm-up", rate * share, Math.max(3, Math.min(20, secs / 4)), members);
            }
            Result kafka = KafkaLatency.measure("localhost:" + ports.kafka(), rate, secs);
            say(kafka);
            Result live = submitToLiveInbox("submit → live inbox at " + Math.round(rate) + "/s", rate, secs, members);
            rows.add(Report.Row.latency("P3 submit → live inbox (SSE), " + secs + " s", live, Math.round(rate) + "/s; Kafka alone: p50 "
                    + fmt(kafka.p50()) + ", p99 " + fmt(kafka.p99()) + " ms; " + backlog, 100, 500));
        }
    }

    /** What the last {@link #submitToLiveInbox} measured: its backlog figures, and each latency (ns). */
    private String backlog = "";
    private List<Long> lastLatencies = List.of();

    private Result submitToLiveInbox(String name, double rate, int secs, List<String> members) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> tokens = tokens(members);
        String staff = members.get(0);
        java.util.Map<Integer, Long> due = new java.util.concurrent.ConcurrentHashMap<>();
        Result submitted;
        java.util.concurrent.ConcurrentLinkedQueue<Long> latencies = new java.util.concurrent.ConcurrentLinkedQueue<>();
        long[] firstAndLast;
        try (LiveInbox inbox = new LiveInbox(url(ports.notification(), "/me/notifications/stream"), () -> api.token(staff, BenchMembers.PASSWORD),
                "P3#").awaitConnected()) {
            submitted = Load.open(name + " (submissions)", rate, secs, (n, dueNanos) -> {
                due.put(n, dueNanos);
                return submit(tokens, n, "P3#" + run + "-" + n + ".");
            });
            say(submitted);
            // the stragglers: until every submission's item arrived, or nothing more arrived for 30 s
            int seen = -1;
            long quietSince = System.nanoTime();
            while (inbox.arrivals() < due.size() && System.nanoTime() - quietSince < 30_000_000_000L) {
                if (inbox.arrivals() != seen) {
                    seen = inbox.arrivals();
                    quietSince = System.nanoTime();
                }
                Thread.sleep(100);
            }
            java.util.List<Long> inOrder = new ArrayList<>();
            for (int n = 0; n < due.size(); n++) {
                Long at = inbox.arrivedAt(run + "-" + n);
                if (at != null) {
                    latencies.add(at - due.get(n));
                    inOrder.add(at - due.get(n));
                }
            }
            int fifth = Math.max(1, inOrder.size() / 5);
            firstAndLast = new long[] {median(inOrder.subList(0, Math.min(fifth, inOrder.size()))),
                    median(inOrder.subList(Math.max(0, inOrder.size() - fifth), inOrder.size()))};
            say("live inbox: " + inbox.arrivals() + " of " + due.size() + " arrived, " + inbox.reconnects() + " reconnects");
        }
        java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>(submitted.statuses());
        int missing = due.size() - latencies.size();
        if (missing > 0) {
            statuses.merge(-1, missing, Integer::sum);
        }
        backlog = String.format(java.util.Locale.ROOT, "submissions answered %.0f/s; p50 of the first fifth %s ms, of the last %s ms",
                submitted.perSecond(), fmt(firstAndLast[0] / 1e6), fmt(firstAndLast[1] / 1e6));
        lastLatencies = List.copyOf(latencies);
        Result r = Load.result(name, submitted.seconds(), latencies, statuses);
        say(r);
        return r;
    }

    private static long median(List<Long> xs) {
        if (xs.isEmpty()) {
            return 0;
        }
        List<Long> sorted = xs.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /**
     * P4: an announcement to every member of a national committee of {@link #p4Members}, its inbox deliveries a second
     * next to the most inbox rows a second PostgreSQL takes in the fan-out's own batch shape (pgbench), while proposals
     * are submitted at 10/s and their office items timed to the live inbox ("other notifications keep p99 < 1 s").
     */
    private void broadcast(List<String> members) throws Exception {
        String sql = Path.of("bench/sql").toAbsolutePath().toString();
        int batch = 500; // notification-service's cppcc.notify.broadcast.batch
        double rowsPerSecond = batch * Pgbench.tps(ports.postgres(), "notification", sql + "/fanout-setup.sql", sql + "/fanout.sql", 2, seconds,
                "batch=" + batch);
        say("pgbench fan-out batches: " + Math.round(rowsPerSecond) + " inbox rows/s");
        BroadcastRun.addMembers(ports, p4Members);
        say("synthetic national committee: " + p4Members + " members");
        try {
            java.util.concurrent.CompletableFuture<BroadcastRun.Outcome> announced = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return BroadcastRun.announce(api, ports);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // other notifications meanwhile: 5-second slices of submissions at 10/s for as long as the fan-out lasts
            java.util.concurrent.ConcurrentLinkedQueue<Long> during = new java.util.concurrent.ConcurrentLinkedQueue<>();
            java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
            double probed = 0;
            do {
                Result slice = submitToLiveInbox("submissions during the broadcast", 10, 5, members);
                during.addAll(lastLatencies);
                slice.statuses().forEach((k, v) -> statuses.merge(k, v, Integer::sum));
                probed += slice.seconds();
            } while (!announced.isDone());
            Result others = Load.result("submissions during the broadcast", probed, during, statuses);
            BroadcastRun.Outcome o = announced.join();
            say(String.format(java.util.Locale.ROOT, "broadcast: %d members in %.1f s = %.0f/s", o.recipients(), o.seconds(), o.perSecond()));
            rows.add(Report.Row.rate("P4 broadcast to " + o.recipients() + " members (inbox deliveries/s)", BroadcastRun.result(o),
                    "pgbench, the fan-out's batches: " + Math.round(rowsPerSecond) + " rows/s", rowsPerSecond, 5000));
            rows.add(Report.Row.latency("P4 other notifications during the broadcast (submit → live inbox)", others, "10/s, "
                    + Math.round(probed) + " s", 1000));
        } finally {
            BroadcastRun.removeMembers(ports);
        }
    }

    /** P5: each service's resident memory after the load, and a new instance's first answer (from its process start). */
    private void footprint() throws Exception {
        for (org.cppcc.deploy.Service s : org.cppcc.deploy.Service.values()) {
            Footprint.Figures f = Footprint.measure(s);
            say(f);
            rows.add(Report.Row.value("P5 " + s.module() + ": resident memory after the load", f.rssMb() + " MB", "a new instance: " + f.newRssMb()
                    + " MB", "< 250 MB", f.rssMb() < 250));
            rows.add(Report.Row.value("P5 " + s.module() + ": a new instance's first answer", fmt(f.firstAnswerSeconds()) + " s",
                    "ready (database, Kafka) at " + fmt(f.readySeconds()) + " s", "< 3 s", f.firstAnswerSeconds() < 3));
        }
        Path last = Path.of(".local/last-start.txt");
        if (Files.exists(last)) {
            java.util.Properties p = new java.util.Properties();
            try (var in = Files.newBufferedReader(last)) {
                p.load(in);
            }
            double secs = Double.parseDouble(p.getProperty("seconds"));
            rows.add(Report.Row.value("P5 the platform's start (./deploy/run.sh, " + ("true".equals(p.getProperty("first")) ? "first" : "second")
                    + " start, to the banner)", fmt(secs) + " s", "the launcher's own figure, " + p.getProperty("at"), "< 45 s (second start)",
                    !"true".equals(p.getProperty("first")) && secs < 45));
        }
    }

    private static String fmt(double x) {
        return String.format(java.util.Locale.ROOT, x >= 100 ? "%.0f" : "%.1f", x);
    }

    private HttpRequest submit(List<String> tokens, int n, String mark) {
        return Load.request(url(ports.proposals(), "/committees/" + COMMITTEE + "/proposals"), tokens.get(n % tokens.size()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"压测提案 " + mark + " " + UUID.randomUUID() + "\",\"body\":\""
                        + "老旧小区加装电梯是民生实事，建议简化审批、完善补贴、加强协调。".repeat(12) + "\",\"publishConsent\":true}")).build();
    }

    private void submission(String sql, List<String> members) throws Exception {
        double pgbench = Pgbench.tps(ports.postgres(), "proposals", sql + "/setup.sql", sql + "/submission.sql", clients, seconds);
        say("pgbench submission transaction: " + Math.round(pgbench) + " tps");
        List<String> tokens = tokens(members);
        java.util.function.IntFunction<HttpRequest> submit = n -> submit(tokens, n, String.valueOf(n));
        warmUp(submit);
        Result submitMax = Load.closed("submission (max)", clients, seconds, submit);
        say(submitMax);
        rows.add(Report.Row.ratio("P1 submission", submitMax, "pgbench " + Math.round(pgbench) + " tps", pgbench, 0.4));
        double submitRate = Math.max(1, Math.min(pgbench / 2, submitMax.perSecond() / 2));
        Result submitOpen = Load.open("submission at " + Math.round(submitRate) + "/s", submitRate, seconds, submit);
        say(submitOpen);
        rows.add(Report.Row.latency("P1 submission, open model", submitOpen, Math.round(submitRate) + "/s (target: " + Math.round(pgbench / 2)
                + "/s, half pgbench's)", 100));
    }

    private void read(String name, Result floor, List<String> tokens, String url) throws InterruptedException {
        if (!name.startsWith(only)) {
            return;
        }
        java.util.function.IntFunction<HttpRequest> get = n -> Load.request(url, tokens.get(n % tokens.size())).build();
        warmUp(get);
        Result max = Load.closed(name + " (max)", clients, seconds, get);
        say(max);
        rows.add(Report.Row.ratio(name, max, "health " + Math.round(floor.perSecond()) + "/s", floor.perSecond(), 0.5));
        double rate = Math.max(1, max.perSecond() / 2);
        Result open = Load.open(name + " at " + Math.round(rate) + "/s", rate, seconds, get);
        say(open);
        rows.add(Report.Row.latency(name + ", open model", open, Math.round(rate) + "/s (half its max)", 50));
    }

    /** A few seconds of the same requests, not counted: the JIT compiles the path before it is measured. */
    private void warmUp(java.util.function.IntFunction<HttpRequest> request) throws InterruptedException {
        Load.closed("warm-up", clients, Math.max(3, seconds / 3), request);
    }

    private List<String> tokens;
    private long tokensAt;

    /**
     * The members' tokens, fetched again when ten minutes old (the realm's live fifteen): forty password grants are
     * seconds of Keycloak's CPU, which would otherwise land in the middle of a measured run.
     */
    private List<String> tokens(List<String> members) {
        if (tokens == null || System.nanoTime() - tokensAt > 600_000_000_000L) {
            tokens = members.stream().map(u -> api.token(u, BenchMembers.PASSWORD)).toList();
            tokensAt = System.nanoTime();
        }
        return tokens;
    }

    private String anyProposal(String staff) throws IOException {
        JsonNode page = api.get(url(ports.proposals(), "/committees/" + COMMITTEE + "/proposals?limit=1"), staff).body();
        if (page.path("items").isEmpty()) { // a fresh platform, P1 not run: the reads need one
            return api.post(url(ports.proposals(), "/committees/" + COMMITTEE + "/proposals"), staff,
                    java.util.Map.of("title", "压测提案（读取）", "body", "老旧小区加装电梯是民生实事。", "publishConsent", true)).body().path("id").asText();
        }
        return page.path("items").get(0).path("id").asText();
    }

    private static void say(Object o) {
        System.out.println("[bench] " + (o instanceof Result r ? String.format("%s: %d answers in %.1f s = %.1f/s; p50 %.1f p90 %.1f p99 %.1f max %.1f ms; %s",
                r.name(), r.requests(), r.seconds(), r.perSecond(), r.p50(), r.p90(), r.p99(), r.max(), r.statuses()) : o));
    }

    static String keycloakAdmin(Ports ports) {
        return new Api("http://localhost:" + ports.keycloak() + "/realms/master")
                .token("admin-cli", KeycloakServer.BOOTSTRAP_ADMIN, KeycloakServer.BOOTSTRAP_PASSWORD);
    }
}
