package org.cppcc.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

/**
 * P3's limit: the broker's own produce → consume latency on the platform's Kafka, records of an event's size sent at a
 * constant rate with the services' producer guarantees (acks=all, idempotent) and read by a consumer polling as theirs
 * do; each latency is from when the record was due to when the consumer had it. A submission's path crosses the broker
 * once (the proposals' outbox relay → notification-service), so this is the least the live inbox can take.
 */
final class KafkaLatency {

    private static final String TOPIC = "bench.latency";

    private KafkaLatency() {
    }

    static Load.Result measure(String bootstrap, double rate, int seconds) throws InterruptedException, ExecutionException {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin a = Admin.create(admin)) {
            a.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, LongSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, LongSerializer.class);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, LongDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, LongDeserializer.class);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        int total = (int) Math.round(rate * seconds);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        try (KafkaProducer<Long, Long> producer = new KafkaProducer<>(p); KafkaConsumer<Long, Long> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> partitions = IntStream.range(0, 3).mapToObj(i -> new TopicPartition(TOPIC, i)).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before anything is sent
            Thread reading = new Thread(() -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(seconds + 30L).toNanos();
                while (latencies.size() < total && System.nanoTime() < deadline) {
                    for (ConsumerRecord<Long, Long> r : consumer.poll(Duration.ofMillis(100))) {
                        latencies.add(System.nanoTime() - r.value());
                    }
                }
            });
            reading.start();
            long interval = (long) (1e9 / rate);
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = Load.awaitDue(start, i, interval);
                producer.send(new ProducerRecord<>(TOPIC, (long) i, due));
            }
            producer.flush();
            reading.join();
            Map<Integer, Integer> statuses = new TreeMap<>(Map.of(200, latencies.size()));
            if (latencies.size() < total) {
                statuses.put(-1, total - latencies.size());
            }
            return Load.result("Kafka produce → consume at " + Math.round(rate) + "/s", (System.nanoTime() - start) / 1e9, latencies, statuses);
        }
    }
}
