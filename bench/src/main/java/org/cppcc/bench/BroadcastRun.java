package org.cppcc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.cppcc.deploy.Api;
import org.cppcc.deploy.DemoSeed;
import org.cppcc.deploy.Ports;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * P4: 通知公告 to every member of a national committee of {@code members} members. The members are put straight into
 * notification-service's directory (the read model MemberJoined events build; 600,000 accounts in Keycloak would be
 * hours of set-up and no part of what is measured), the national office announces through the API, and the fan-out's
 * progress is read from the broadcast itself until it is done. Afterwards the synthetic members and their inbox items
 * are removed, so the platform is as it was.
 */
final class BroadcastRun {

    static final String COMMITTEE = "100000";
    static final String PREFIX = "bcast-";

    /** How it went: members reached, seconds from the announcement to the last inbox item, samples of progress. */
    record Outcome(int recipients, double seconds, Map<Double, Integer> progress) {
        double perSecond() {
            return recipients / seconds;
        }
    }

    private BroadcastRun() {
    }

    static void addMembers(Ports ports, int members) throws IOException, InterruptedException {
        Pgbench.psql(ports.postgres(), "notification", "insert into recipient (committee, user_id, username, name) select '" + COMMITTEE
                + "', '" + PREFIX + "' || lpad(g::text, 7, '0'), '" + PREFIX + "' || g, '委员' || g from generate_series(1, " + members
                + ") g on conflict do nothing; analyze recipient");
    }

    static void removeMembers(Ports ports) throws IOException, InterruptedException {
        Pgbench.psql(ports.postgres(), "notification", "delete from delivery where user_id like '" + PREFIX + "%'; "
                + "delete from notification where audience_kind = 'USER' and audience like '" + PREFIX + "%'; "
                + "delete from recipient where user_id like '" + PREFIX + "%'");
        Pgbench.psql(ports.postgres(), "notification", "vacuum analyze notification"); // not in the deletes' transaction
    }

    /** Announces as the national office and follows the broadcast (every 100 ms) until every member has it. */
    static Outcome announce(Api api, Ports ports) throws IOException, InterruptedException {
        String staff = api.token("qg-staff", DemoSeed.DEMO_PASSWORD);
        String base = "http://localhost:" + ports.notification() + "/committees/" + COMMITTEE + "/broadcasts";
        long t0 = System.nanoTime();
        Api.Reply posted = api.post(base, staff, Map.of("title", "关于召开全体会议的通知（压测 " + UUID.randomUUID() + "）",
                "body", "定于12月10日召开全体会议，请全体委员准时出席。"));
        if (posted.status() != 202) {
            throw new IllegalStateException("the broadcast was not accepted: " + posted.status() + " " + posted.body());
        }
        String id = posted.body().path("id").asText();
        Map<Double, Integer> progress = new TreeMap<>();
        long deadline = t0 + java.time.Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode b = api.get(base + "/" + id, staff).body();
            double at = (System.nanoTime() - t0) / 1e9;
            progress.put(at, b.path("fannedOut").asInt());
            if ("DONE".equals(b.path("status").asText())) {
                return new Outcome(b.path("fannedOut").asInt(), at, progress);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the broadcast " + id + " was not done within 30 minutes");
    }

    /** The outcome as a Result for the report (its rate is the deliveries' rate). */
    static Load.Result result(Outcome o) {
        ConcurrentLinkedQueue<Long> none = new ConcurrentLinkedQueue<>();
        Load.Result r = Load.result("broadcast", o.seconds(), none, new TreeMap<>(Map.of(200, o.recipients())));
        return new Load.Result(r.name(), o.seconds(), o.recipients(), o.perSecond(), 0, 0, 0, 0, r.statuses());
    }
}
