package org.cppcc.platform.deadletters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.eclipse.microprofile.config.Config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

/**
 * The dead letters of this service's consumers (topics {@code dlq.<service>.<topic>}, each message with the
 * reason SmallRye gave it), and their replay. A replay publishes the message to {@code replay.<service>.<topic>},
 * which only this service's consumer of that topic reads: it goes through the same handler and the same inbox
 * of processed event ids, so a replay of an event that has meanwhile been processed has no second effect.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String DLQ_PREFIX = "dlq.";
    public static final String REPLAY_PREFIX = "replay.";
    private static final int MAX_PER_TOPIC = 500;

    public record DeadLetter(String id, String topic, int partition, long offset, Instant at, String key, String eventId, String eventType,
                             String committee, Map<String, String> reason, boolean replayed, String payload) {
    }

    private final Config config;
    private final Map<String, Object> kafkaConfig;
    private final EntityManager em;
    private final Caller caller;
    private final ObjectMapper json;
    private KafkaProducer<String, String> producer;

    public DeadLetters(Config config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, EntityManager em, Caller caller,
                       ObjectMapper json) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.em = em;
        this.caller = caller;
        this.json = json;
    }

    /** This service's dead-letter topics, from its channels' configuration. */
    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".dead-letter-queue.topic")) {
                config.getOptionalValue(name, String.class).filter(t -> t.startsWith(DLQ_PREFIX)).ifPresent(topics::add);
            }
        }
        return topics;
    }

    /** Every dead letter (the newest {@value #MAX_PER_TOPIC} per topic), newest first, without payloads. */
    @Transactional
    public List<DeadLetter> list() {
        List<DeadLetter> all = new ArrayList<>();
        for (String topic : topics()) {
            for (ConsumerRecord<String, String> r : read(topic, null)) {
                all.add(view(r, false));
            }
        }
        all.sort(Comparator.comparing(DeadLetter::at).reversed());
        return all;
    }

    @Transactional
    public DeadLetter get(String topic, int partition, long offset) {
        return view(find(topic, partition, offset), true);
    }

    /** Replays a dead letter once; a second replay of the same one is refused (409). */
    @Transactional
    public DeadLetter replay(String topic, int partition, long offset) {
        ConsumerRecord<String, String> r = find(topic, partition, offset);
        DeadLetter d = view(r, true);
        int n = em.createNativeQuery("insert into dead_letter_replay (dead_letter, event_id, replayed_at, replayed_by) values (?1, ?2, now(), ?3) "
                + "on conflict do nothing").setParameter(1, d.id()).setParameter(2, d.eventId()).setParameter(3, caller.userId()).executeUpdate();
        if (n == 0) {
            throw Problems.conflict("dead letter " + d.id() + " was already replayed");
        }
        try {
            producer().send(new ProducerRecord<>(REPLAY_PREFIX + topic.substring(DLQ_PREFIX.length()), r.key(), r.value()))
                    .get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the insert rolls back with this: the dead letter can be replayed again
            throw new IllegalStateException("Kafka did not take the replay of " + d.id() + ": " + e.getMessage(), e);
        }
        return d;
    }

    private ConsumerRecord<String, String> find(String topic, int partition, long offset) {
        if (!topics().contains(topic)) {
            throw Problems.notFound("dead-letter topic", topic);
        }
        return read(topic, new TopicPartition(topic, partition)).stream().filter(r -> r.partition() == partition && r.offset() == offset)
                .findFirst().orElseThrow(() -> Problems.notFound("dead letter", topic + "/" + partition + "/" + offset));
    }

    /** The records of a topic (or one partition), the newest {@value #MAX_PER_TOPIC} per partition. */
    private List<ConsumerRecord<String, String>> read(String topic, TopicPartition only) {
        Map<String, Object> p = new HashMap<>(kafkaConfig);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = only != null ? List.of(only)
                    : Optional.ofNullable(c.partitionsFor(topic, Duration.ofSeconds(10))).orElse(List.of()).stream()
                    .map((PartitionInfo i) -> new TopicPartition(topic, i.partition())).toList();
            if (partitions.isEmpty()) {
                return out;
            }
            c.assign(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            Map<TopicPartition, Long> begin = c.beginningOffsets(partitions);
            for (TopicPartition tp : partitions) {
                c.seek(tp, Math.max(begin.get(tp), end.get(tp) - MAX_PER_TOPIC));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private DeadLetter view(ConsumerRecord<String, String> r, boolean withPayload) {
        String id = r.topic() + "/" + r.partition() + "/" + r.offset();
        Map<String, String> reason = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            if (h.key().startsWith("dead-letter-") && h.value() != null) {
                reason.put(h.key().substring("dead-letter-".length()), new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        JsonNode event = parse(r.value());
        boolean replayed = !em.createNativeQuery("select 1 from dead_letter_replay where dead_letter = ?1").setParameter(1, id)
                .getResultList().isEmpty();
        return new DeadLetter(id, r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), r.key(),
                text(event, "id"), text(event, "type"), text(event, "committee"), reason, replayed, withPayload ? r.value() : null);
    }

    private JsonNode parse(String value) {
        try {
            return value == null ? null : json.readTree(value);
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(JsonNode n, String field) {
        return n == null || !n.hasNonNull(field) ? null : n.get(field).asText();
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> p = new HashMap<>(kafkaConfig);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    void stop(@Observes ShutdownEvent ignored) {
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }
}
