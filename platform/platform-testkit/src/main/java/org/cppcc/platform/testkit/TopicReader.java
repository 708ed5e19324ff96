package org.cppcc.platform.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads and writes real Kafka topics from tests. */
public final class TopicReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicReader() {
    }

    /** All events on a topic (from the beginning) that match, waiting until at least {@code atLeast} arrive. */
    public static List<JsonNode> await(String topic, Predicate<JsonNode> match, int atLeast, Duration timeout) {
        return await(TestPlatform.kafkaBootstrapServers(), topic, match, atLeast, timeout);
    }

    /** The same on a given broker (another deployment's, say). */
    public static List<JsonNode> await(String bootstrapServers, String topic, Predicate<JsonNode> match, int atLeast, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && found.size() < atLeast) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(300))) {
                    JsonNode n = parse(r.value());
                    if (match.test(n)) {
                        found.add(n);
                    }
                }
            }
            // a short extra poll, so that duplicates arriving just after would be seen too
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                JsonNode n = parse(r.value());
                if (match.test(n)) {
                    found.add(n);
                }
            }
        }
        return found;
    }

    /**
     * Waits until a consumer group has consumed (committed) everything now on these topics: after it, a duplicate
     * published before this call has had its chance to take effect. A condition, not a clock.
     */
    public static void awaitConsumed(String group, Duration timeout, String... topics) {
        awaitConsumed(TestPlatform.kafkaBootstrapServers(), group, timeout, topics);
    }

    public static void awaitConsumed(String bootstrapServers, String group, Duration timeout, String... topics) {
        java.util.Map<String, Object> config = java.util.Map.of("bootstrap.servers", bootstrapServers);
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(config)) {
            java.util.Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
            for (var d : admin.describeTopics(List.of(topics)).allTopicNames().get().values()) {
                d.partitions().forEach(p -> latest.put(new org.apache.kafka.common.TopicPartition(d.name(), p.partition()),
                        org.apache.kafka.clients.admin.OffsetSpec.latest()));
            }
            var end = admin.listOffsets(latest).all().get();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                boolean done = end.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue().offset()));
                if (done) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("consumer group " + group + " did not consume " + List.of(topics) + " within " + timeout);
                }
                Thread.sleep(200); // polling a condition, as Awaitility does
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not read offsets of " + group, e);
        }
    }

    public static void publish(String topic, String key, String value) {
        publish(topic, key, value, java.util.Map.of());
    }

    /** With record headers (a dead letter's reason, say). */
    public static void publish(String topic, String key, String value, java.util.Map<String, String> headers) {
        publish(TestPlatform.kafkaBootstrapServers(), topic, key, value, headers);
    }

    /** To a given broker (another deployment's, say). */
    public static void publish(String bootstrapServers, String topic, String key, String value, java.util.Map<String, String> headers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> r = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> r.headers().add(k, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            producer.send(r).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** A record's value as JSON, or as a text node when it is not JSON (a poison message, say). */
    private static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(s);
        }
    }
}
