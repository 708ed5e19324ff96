package org.cppcc.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kafka MirrorMaker 2 in dedicated mode, in its own JVM (connect-mirror 4.3.1 with its own kafka-clients),
 * replicating the cultivation topic both ways between two deployments' brokers (ADR 0012). With the default
 * replication policy, a record of deployment "gx" arrives at the other as {@code gx.cultivation.events}, in the
 * same partition, and is never sent back (a replicated topic is not replicated again).
 */
public final class MirrorMaker implements AutoCloseable {

    /** One deployment's broker, under the alias that prefixes its topics at the other side. */
    public record Cluster(String alias, String bootstrapServers) {
    }

    private final Path dir;
    private final Cluster a;
    private final Cluster b;
    private final String topics;
    private ManagedProcess process;

    /** @param topics the regular expression of the topics to replicate, e.g. {@code cultivation\.events} */
    public MirrorMaker(Path dir, Cluster a, Cluster b, String topics) {
        this.dir = dir;
        this.a = a;
        this.b = b;
        this.topics = topics;
    }

    public synchronized MirrorMaker start() {
        try {
            Files.createDirectories(dir);
            Path props = dir.resolve("mm2.properties");
            List<String> lines = new ArrayList<>(List.of(
                    "clusters=" + a.alias() + ", " + b.alias(),
                    a.alias() + ".bootstrap.servers=" + a.bootstrapServers(),
                    b.alias() + ".bootstrap.servers=" + b.bootstrapServers()));
            for (String flow : List.of(a.alias() + "->" + b.alias(), b.alias() + "->" + a.alias())) {
                lines.add(flow + ".enabled=true");
                lines.add(flow + ".topics=" + topics);
            }
            lines.addAll(List.of(
                    // single-broker clusters: MM2's own topics with one replica
                    "replication.factor=1", "checkpoints.topic.replication.factor=1", "heartbeats.topic.replication.factor=1",
                    "offset-syncs.topic.replication.factor=1", "offset.storage.replication.factor=1",
                    "status.storage.replication.factor=1", "config.storage.replication.factor=1",
                    // a topic created after the start (a deployment's first recommendation) is picked up within seconds
                    "refresh.topics.interval.seconds=5",
                    // events only: consumer offsets and ACLs are each deployment's own
                    "emit.checkpoints.enabled=false", "sync.group.offsets.enabled=false", "sync.topic.acls.enabled=false",
                    "emit.heartbeats.enabled=false", ""));
            Files.write(props, lines);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path log = dir.resolve("mirror-maker.log");
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            process = ManagedProcess.start("mirror-maker", List.of(java, "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn",
                    "-cp", InfraPaths.mirrorMakerLib().toAbsolutePath() + "/*", "org.apache.kafka.connect.mirror.MirrorMaker", props.toString()),
                    dir, Map.of(), log);
            // both flows have started their source connectors once each has refreshed its topics
            Wait.until("MirrorMaker 2", Duration.ofSeconds(120), () -> {
                if (!process.alive()) {
                    throw new IllegalStateException("MirrorMaker 2 exited; see " + log);
                }
                String since = ManagedProcess.logSince(log, logStart);
                return since.contains("MirrorSourceConnector: " + a.alias() + "->" + b.alias() + "|MirrorSourceConnector-refreshing topics")
                        && since.contains("MirrorSourceConnector: " + b.alias() + "->" + a.alias() + "|MirrorSourceConnector-refreshing topics");
            });
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
