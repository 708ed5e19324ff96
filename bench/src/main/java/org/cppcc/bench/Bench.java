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
 * Arguments: {@code [seconds per run, default 20] [clients for the closed runs, default 8]}.
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

        Files.createDirectories(out);
        String date = LocalDate.now().toString();
        Report.write(out.resolve(date + ".md"), out.resolve(date + ".svg"), date, floor, rows, seconds, clients);
        say("report: " + out.resolve(date + ".md"));
    }

    private void submission(String sql, List<String> members) throws Exception {
        double pgbench = Pgbench.tps(ports.postgres(), "proposals", sql + "/setup.sql", sql + "/submission.sql", clients, seconds);
        say("pgbench submission transaction: " + Math.round(pgbench) + " tps");
        List<String> tokens = tokens(members);
        java.util.function.IntFunction<HttpRequest> submit = n -> Load.request(url(ports.proposals(), "/committees/" + COMMITTEE + "/proposals"),
                        tokens.get(n % tokens.size())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"压测提案 " + n + " " + UUID.randomUUID() + "\",\"body\":\""
                        + "老旧小区加装电梯是民生实事，建议简化审批、完善补贴、加强协调。".repeat(12) + "\",\"publishConsent\":true}")).build();
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

    /** Fresh tokens (an access token lives minutes; each scenario starts with new ones). */
    private List<String> tokens(List<String> members) {
        return members.stream().map(u -> api.token(u, BenchMembers.PASSWORD)).toList();
    }

    private String anyProposal(String staff) throws IOException {
        JsonNode page = api.get(url(ports.proposals(), "/committees/" + COMMITTEE + "/proposals?limit=1"), staff).body();
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
