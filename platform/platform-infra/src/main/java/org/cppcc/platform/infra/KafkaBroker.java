package org.cppcc.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A single-node Apache Kafka broker in KRaft mode, in its own JVM (its server jars must not meet the
 * kafka-clients version that Quarkus pins). Can be stopped and started again on the same port and data,
 * which is how the outbox tests take Kafka away.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private ManagedProcess process;

    public KafkaBroker(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized KafkaBroker start() {
        if (process != null && process.alive()) {
            return this;
        }
        try {
            Files.createDirectories(dir);
            Path props = dir.resolve("server.properties");
            Path data = dir.resolve("data");
            Files.writeString(props, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "inter.broker.listener.name=PLAINTEXT",
                    "num.partitions=3",
                    "auto.create.topics.enable=true",
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "log.dirs=" + data.toAbsolutePath(),
                    ""));
            Path lib = InfraPaths.kafkaLib();
            String cp = lib.toAbsolutePath() + "/*";
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path log = dir.resolve("kafka.log");
            if (!Files.exists(data.resolve("meta.properties"))) {
                ManagedProcess.run("kafka-format", List.of(java, "-cp", cp, "kafka.tools.StorageTool", "format",
                        "--cluster-id=" + clusterId(), "--config=" + props, "--ignore-formatted"), dir, Map.of(), log, 120);
            }
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            process = ManagedProcess.start("kafka", List.of(java, "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info",
                    "-cp", cp, "kafka.Kafka", props.toString()), dir, Map.of(), log);
            Wait.until("Kafka broker on port " + port, Duration.ofSeconds(90),
                    () -> {
                        if (!process.alive()) {
                            throw new IllegalStateException("Kafka exited; see " + log);
                        }
                        return Ports.listening(port) && ManagedProcess.logSince(log, logStart).contains("Kafka Server started");
                    });
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 22-character base64url id, as Kafka's StorageTool random-uuid prints (never starting with '-', which reads as an option). */
    static String clusterId() {
        String id;
        do {
            UUID u = UUID.randomUUID();
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
            b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
            id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
        } while (id.startsWith("-"));
        return id;
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    /** Kills the broker at once (kill -9), as a crash would; {@link #start()} brings it back on the same data. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    public synchronized boolean running() {
        return process != null && process.alive();
    }

    @Override
    public void close() {
        stop();
    }
}
