package org.cppcc.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.mirrormaker2.KafkaMirrorMaker2;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every overlay of deploy/k8s rendered as kubectl would apply it, and held to what the platform needs: each document
 * valid for its kind (the Kubernetes and Strimzi models, strictly; the documented fields for the operators without a
 * model), probes and limits on every service, no floating image tags, nothing secret in the repository, the topics
 * the services use all declared with matching partitions, and production sized as docs/operations.md says.
 */
class KubernetesManifestsTest {

    static final List<String> SERVICES = List.of("members-service", "proposals-service", "consultation-service", "notification-service");
    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    static List<JsonNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> Repo.documents(Repo.run(List.of(Repo.tool("kubectl", "kubectl"), "kustomize",
                Repo.ROOT.resolve("deploy/k8s/overlays/" + o).toString()))));
    }

    static List<JsonNode> ofKind(String overlay, String kind) {
        return render(overlay).stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    static <T> T bind(JsonNode doc, Class<T> type) {
        try {
            return Repo.STRICT.treeToValue(doc, type);
        } catch (IOException e) {
            throw new AssertionError(doc.path("kind").asText() + " " + doc.path("metadata").path("name").asText() + " is not a valid "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The kinds with a model, and the apiVersion each must have. */
    private static final Map<String, Map.Entry<String, Class<?>>> MODELS = Map.ofEntries(
            Map.entry("ConfigMap", Map.entry("v1", ConfigMap.class)),
            Map.entry("Namespace", Map.entry("v1", Namespace.class)),
            Map.entry("Service", Map.entry("v1", Service.class)),
            Map.entry("Deployment", Map.entry("apps/v1", Deployment.class)),
            Map.entry("PodDisruptionBudget", Map.entry("policy/v1", PodDisruptionBudget.class)),
            Map.entry("HorizontalPodAutoscaler", Map.entry("autoscaling/v2", HorizontalPodAutoscaler.class)),
            Map.entry("Ingress", Map.entry("networking.k8s.io/v1", Ingress.class)),
            Map.entry("Kafka", Map.entry("kafka.strimzi.io/v1beta2", Kafka.class)),
            Map.entry("KafkaNodePool", Map.entry("kafka.strimzi.io/v1beta2", KafkaNodePool.class)),
            Map.entry("KafkaTopic", Map.entry("kafka.strimzi.io/v1beta2", KafkaTopic.class)),
            Map.entry("KafkaMirrorMaker2", Map.entry("kafka.strimzi.io/v1beta2", KafkaMirrorMaker2.class)));

    /**
     * The kinds no model can be had for here: their apiVersion, and the fields of spec their operators' documentation
     * lists (CloudNativePG's API reference, the Keycloak operator's CRD reference, the Prometheus Operator's): a field
     * outside these is a typo the operator would reject or, worse, ignore.
     */
    private static final Map<String, Map.Entry<String, Set<String>>> DOCUMENTED = Map.of(
            "Cluster", Map.entry("postgresql.cnpg.io/v1", Set.of("instances", "imageName", "primaryUpdateStrategy", "bootstrap", "postgresql",
                    "storage", "walStorage", "resources", "affinity", "monitoring", "backup")),
            "ScheduledBackup", Map.entry("postgresql.cnpg.io/v1", Set.of("schedule", "cluster", "backupOwnerReference", "method", "immediate")),
            "Keycloak", Map.entry("k8s.keycloak.org/v2alpha1", Set.of("instances", "db", "http", "hostname", "proxy", "ingress", "resources")),
            "KeycloakRealmImport", Map.entry("k8s.keycloak.org/v2alpha1", Set.of("keycloakCRName", "realm", "placeholders")),
            "ServiceMonitor", Map.entry("monitoring.coreos.com/v1", Set.of("selector", "endpoints")),
            "PrometheusRule", Map.entry("monitoring.coreos.com/v1", Set.of("groups")));

    /** The check below is only as good as the strict reader: a misspelt field must fail it, in either model. */
    @Test
    void aFieldTheModelDoesNotHaveIsRejected() throws IOException {
        JsonNode deployment = Repo.YAML.readTree("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {replica: 2}\n");
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> bind(deployment, Deployment.class));
        assertTrue(e.getMessage().contains("replica"), e.getMessage());
        JsonNode topic = Repo.YAML.readTree("apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata: {name: x}\n"
                + "spec: {partitions: 3, replicas: 1, config: {}, retention: 7}\n");
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> bind(topic, KafkaTopic.class));
        JsonNode good = Repo.YAML.readTree("apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata: {name: x}\n"
                + "spec: {partitions: 3, replicas: 1, config: {retention.ms: \"1\"}}\n");
        assertEquals(3, bind(good, KafkaTopic.class).getSpec().getPartitions());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyDocumentIsValidForItsKind(String overlay) {
        for (JsonNode d : render(overlay)) {
            String kind = d.path("kind").asText();
            String name = kind + " " + d.path("metadata").path("name").asText();
            assertFalse(d.path("metadata").path("name").asText().isEmpty(), name + " has no name");
            if (MODELS.containsKey(kind)) {
                assertEquals(MODELS.get(kind).getKey(), d.path("apiVersion").asText(), name);
                assertNotNull(bind(d, MODELS.get(kind).getValue()), name);
            } else if (DOCUMENTED.containsKey(kind)) {
                assertEquals(DOCUMENTED.get(kind).getKey(), d.path("apiVersion").asText(), name);
                Set<String> unknown = new HashSet<>();
                d.path("spec").fieldNames().forEachRemaining(unknown::add);
                unknown.removeAll(DOCUMENTED.get(kind).getValue());
                assertTrue(unknown.isEmpty(), name + ": spec fields its operator does not document: " + unknown);
                Set<String> top = new HashSet<>();
                d.fieldNames().forEachRemaining(top::add);
                top.removeAll(Set.of("apiVersion", "kind", "metadata", "spec"));
                assertTrue(top.isEmpty(), name + ": unexpected top-level fields " + top);
            } else {
                fail(name + " (" + overlay + "): a kind these checks do not know; add how it is validated");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theOperatorsResourcesHaveWhatTheirDocumentationRequires(String overlay) {
        Set<String> clusters = ofKind(overlay, "Cluster").stream().map(c -> c.path("metadata").path("name").asText()).collect(Collectors.toSet());
        for (JsonNode c : ofKind(overlay, "Cluster")) {
            String n = "Cluster " + c.path("metadata").path("name").asText();
            assertTrue(c.path("spec").path("instances").asInt() >= 1, n);
            assertTrue(c.path("spec").path("storage").path("size").asText().matches("[0-9]+[GT]i"), n + ": storage.size");
            assertFalse(c.path("spec").path("bootstrap").path("initdb").path("database").asText().isEmpty(), n + ": bootstrap.initdb.database");
            assertFalse(c.path("spec").path("bootstrap").path("initdb").path("owner").asText().isEmpty(), n + ": bootstrap.initdb.owner");
            assertFalse(c.path("spec").path("imageName").asText().endsWith(":latest"), n + ": a floating image");
            if (c.path("spec").has("backup")) {
                JsonNode store = c.path("spec").path("backup").path("barmanObjectStore");
                assertTrue(store.path("destinationPath").asText().startsWith("s3://"), n + ": backup destination");
                assertFalse(store.path("s3Credentials").path("accessKeyId").path("name").asText().isEmpty(), n + ": backup credentials");
            }
        }
        for (JsonNode b : ofKind(overlay, "ScheduledBackup")) {
            String n = "ScheduledBackup " + b.path("metadata").path("name").asText();
            // CloudNativePG's schedule has six fields: seconds first
            assertEquals(6, b.path("spec").path("schedule").asText().split(" ").length, n + ": schedule");
            assertTrue(clusters.contains(b.path("spec").path("cluster").path("name").asText()), n + ": backs up a cluster that is not here");
        }
        List<JsonNode> keycloaks = ofKind(overlay, "Keycloak");
        assertEquals(1, keycloaks.size());
        JsonNode kc = keycloaks.get(0).path("spec");
        assertTrue(kc.path("hostname").path("hostname").asText().startsWith("https://"), "Keycloak needs a fixed public hostname");
        assertTrue(clusters.contains(kc.path("db").path("host").asText().replaceAll("-rw$", "")), "Keycloak's database is one of the clusters");
        assertFalse(kc.path("db").path("passwordSecret").path("name").asText().isEmpty(), "Keycloak's database password from a Secret");
        for (JsonNode r : ofKind(overlay, "KeycloakRealmImport")) {
            assertEquals(keycloaks.get(0).path("metadata").path("name").asText(), r.path("spec").path("keycloakCRName").asText());
            JsonNode realm = r.path("spec").path("realm");
            assertEquals("cppcc", realm.path("realm").asText());
            for (JsonNode u : realm.path("users")) {
                assertTrue(u.has("serviceAccountClientId"), "a real deployment's realm has no people in it: " + u.path("username"));
                assertFalse(u.has("credentials"), "no password in the realm import");
            }
            for (JsonNode c : realm.path("clients")) {
                if (c.has("secret")) {
                    assertTrue(c.path("secret").asText().matches("\\$\\{[A-Z_]+}"), "client secret " + c.path("clientId") + " must be a placeholder");
                    String placeholder = c.path("secret").asText().replaceAll("[${}]", "");
                    assertTrue(r.path("spec").path("placeholders").has(placeholder), "placeholder " + placeholder + " is filled from a Secret");
                }
            }
        }
        for (JsonNode m : ofKind(overlay, "ServiceMonitor")) {
            for (JsonNode e : m.path("spec").path("endpoints")) {
                assertEquals("/q/metrics", e.path("path").asText());
                assertEquals("http", e.path("port").asText(), "scrapes the services' port named http");
            }
        }
        for (JsonNode rule : ofKind(overlay, "PrometheusRule")) {
            for (JsonNode g : rule.path("spec").path("groups")) {
                for (JsonNode x : g.path("rules")) {
                    assertFalse(x.path("alert").asText().isEmpty() || x.path("expr").asText().isEmpty(), "an alert has a name and an expression");
                }
            }
        }
        assertTrue(ofKind(overlay, "PrometheusRule").stream().flatMap(r -> r.path("spec").path("groups").findValuesAsText("expr").stream())
                .anyMatch(e -> e.contains("cppcc_outbox_oldest_age_seconds")), "the outbox backlog alert");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyServiceHasProbesLimitsAFixedImageAndItsCompanions(String overlay) {
        List<Deployment> deployments = ofKind(overlay, "Deployment").stream().map(d -> bind(d, Deployment.class)).toList();
        assertEquals(Set.copyOf(SERVICES), deployments.stream().map(d -> d.getMetadata().getName()).collect(Collectors.toSet()));
        Set<String> pdbs = names(overlay, "PodDisruptionBudget");
        Set<String> hpas = names(overlay, "HorizontalPodAutoscaler");
        Set<String> services = names(overlay, "Service");
        for (Deployment d : deployments) {
            String n = d.getMetadata().getName();
            var pod = d.getSpec().getTemplate().getSpec();
            assertTrue(Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot()), n + " runs as non-root");
            assertFalse(pod.getTopologySpreadConstraints().isEmpty(), n + " spreads over zones and nodes");
            for (Container c : pod.getContainers()) {
                assertNotNull(c.getReadinessProbe(), n + ": readiness probe");
                assertNotNull(c.getLivenessProbe(), n + ": liveness probe");
                assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath(), n);
                assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath(), n);
                assertNotNull(c.getResources().getRequests().get("cpu"), n + ": cpu request");
                assertNotNull(c.getResources().getRequests().get("memory"), n + ": memory request");
                assertNotNull(c.getResources().getLimits().get("memory"), n + ": memory limit");
                String image = c.getImage();
                assertTrue(image.matches(".+:[^:/]+"), n + ": image without a tag: " + image);
                assertFalse(image.endsWith(":latest"), n + ": a floating image tag: " + image);
                assertTrue(image.endsWith("cppcc/" + n + ":" + Repo.VERSION), n + ": the image jib builds, at the project's version: " + image);
            }
            assertTrue(pdbs.contains(n), n + ": PodDisruptionBudget");
            assertTrue(hpas.contains(n), n + ": HorizontalPodAutoscaler");
            assertTrue(services.contains(n), n + ": Service");
        }
        // one Ingress: the apps' host, a path for each service
        List<Ingress> ingresses = ofKind(overlay, "Ingress").stream().map(i -> bind(i, Ingress.class)).toList();
        assertEquals(1, ingresses.size());
        Set<String> routed = ingresses.get(0).getSpec().getRules().stream().flatMap(r -> r.getHttp().getPaths().stream())
                .map(p -> p.getBackend().getService().getName()).collect(Collectors.toSet());
        assertEquals(Set.copyOf(SERVICES), routed);
        assertFalse(ingresses.get(0).getSpec().getTls().isEmpty(), "the apps' host is served over TLS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void nothingSecretIsWrittenDown(String overlay) throws IOException {
        assertTrue(ofKind(overlay, "Secret").isEmpty(), "no Secret in the repository: operators and the deployment make them");
        String operations = Files.readString(Repo.ROOT.resolve("docs/operations.md"));
        Set<String> clusters = names(overlay, "Cluster");
        for (Deployment d : ofKind(overlay, "Deployment").stream().map(x -> bind(x, Deployment.class)).toList()) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar e : c.getEnv()) {
                    if (e.getName().matches(".*(PASSWORD|SECRET|TOKEN|KEY).*")) {
                        assertTrue(e.getValue() == null && e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null,
                                d.getMetadata().getName() + ": " + e.getName() + " must come from a Secret");
                        String secret = e.getValueFrom().getSecretKeyRef().getName();
                        boolean madeByCloudNativePg = secret.endsWith("-app") && clusters.contains(secret.replaceAll("-app$", ""));
                        assertTrue(madeByCloudNativePg || operations.contains("`" + secret + "`"),
                                "Secret " + secret + " is neither CloudNativePG's nor documented in docs/operations.md");
                    }
                }
            }
        }
        for (JsonNode cm : ofKind(overlay, "ConfigMap")) {
            cm.path("data").fieldNames().forEachRemaining(k -> assertFalse(k.matches(".*(PASSWORD|SECRET).*"), "ConfigMap key " + k + " holds a secret"));
        }
    }

    /**
     * The topics each service reads (its configuration), their replay and dead-letter topics, all declared as
     * KafkaTopics; a replay or dead-letter topic has its source's partitions (a replayed event keeps its key's order).
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theTopicsAreTheServicesOwn(String overlay) throws IOException {
        List<KafkaTopic> topics = ofKind(overlay, "KafkaTopic").stream().map(t -> bind(t, KafkaTopic.class)).toList();
        Map<String, Integer> partitions = new HashMap<>();
        topics.forEach(t -> partitions.put(t.getSpec().getTopicName(), t.getSpec().getPartitions()));
        Set<String> used = new HashSet<>(Set.of("members.events", "proposals.events", "consultations.events", "cultivation.events"));
        for (String service : SERVICES) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(Repo.ROOT.resolve(service + "/src/main/resources/application.properties"))) {
                p.load(r);
            }
            for (String key : p.stringPropertyNames()) {
                if (!key.startsWith("mp.messaging.incoming.")) {
                    continue;
                }
                String channel = key.split("\\.")[3];
                boolean pattern = Boolean.parseBoolean(p.getProperty("mp.messaging.incoming." + channel + ".pattern", "false"));
                if (key.endsWith(".topics") || (key.endsWith(".topic") && !pattern) || key.endsWith(".dead-letter-queue.topic")) {
                    for (String t : p.getProperty(key).split(",")) {
                        used.add(t.strip());
                    }
                } else if (key.endsWith(".topic")) {
                    Pattern regex = Pattern.compile(p.getProperty(key));
                    for (String expected : List.of("cultivation.events", "replay." + service + ".cultivation.events")) {
                        assertTrue(regex.matcher(expected).matches(), service + "'s pattern " + regex + " reads " + expected);
                        used.add(expected);
                    }
                    // what a peer deployment's MirrorMaker 2 brings is read by the same pattern
                    partitions.keySet().stream().filter(t -> t.endsWith(".cultivation.events") && !t.startsWith("replay.") && !t.startsWith("dlq."))
                            .forEach(peer -> assertTrue(regex.matcher(peer).matches(), service + " reads the mirrored " + peer));
                }
            }
        }
        for (String t : used) {
            assertTrue(partitions.containsKey(t), "topic " + t + " is used by the services but not declared (" + overlay + ")");
        }
        for (String t : partitions.keySet()) {
            assertTrue(used.contains(t) || t.endsWith(".cultivation.events"), "declared topic " + t + " is used by no service");
            if (t.startsWith("replay.") || t.startsWith("dlq.")) {
                String source = t.replaceFirst("^(replay|dlq)\\.[a-z-]+\\.", "");
                assertEquals(partitions.get(source), partitions.get(t), t + " has the partitions of " + source);
            }
        }
    }

    @Test
    void productionIsSizedForAProvinceAndJoinedToTheNationalDeployment() {
        String overlay = "production";
        for (KafkaNodePool pool : ofKind(overlay, "KafkaNodePool").stream().map(d -> bind(d, KafkaNodePool.class)).toList()) {
            assertEquals(3, pool.getSpec().getReplicas(), pool.getMetadata().getName() + ": three nodes");
        }
        Kafka kafka = bind(ofKind(overlay, "Kafka").get(0), Kafka.class);
        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        assertEquals(3, ((Number) config.get("default.replication.factor")).intValue());
        assertEquals(2, ((Number) config.get("min.insync.replicas")).intValue());
        assertEquals(Boolean.FALSE, config.get("auto.create.topics.enable"), "every topic declared");
        for (KafkaTopic t : ofKind(overlay, "KafkaTopic").stream().map(d -> bind(d, KafkaTopic.class)).toList()) {
            assertEquals(3, t.getSpec().getReplicas(), t.getSpec().getTopicName());
            assertEquals("2", String.valueOf(t.getSpec().getConfig().get("min.insync.replicas")), t.getSpec().getTopicName());
            assertTrue(t.getSpec().getPartitions() >= 12, t.getSpec().getTopicName() + ": partitions for 12 consumers");
        }
        Set<String> backedUp = ofKind(overlay, "ScheduledBackup").stream().map(b -> b.path("spec").path("cluster").path("name").asText())
                .collect(Collectors.toSet());
        for (JsonNode c : ofKind(overlay, "Cluster")) {
            String name = c.path("metadata").path("name").asText();
            assertTrue(c.path("spec").path("instances").asInt() >= 2, name + ": a primary and a replica");
            assertTrue(c.path("spec").has("backup"), name + ": archives its WAL");
            assertTrue(backedUp.contains(name), name + ": a scheduled backup");
        }
        for (Deployment d : ofKind(overlay, "Deployment").stream().map(x -> bind(x, Deployment.class)).toList()) {
            assertTrue(d.getSpec().getReplicas() >= 2, d.getMetadata().getName() + ": two instances at least");
            assertTrue(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage().startsWith("registry."), "images from a registry");
        }
        // 四级联动 across deployments: the national deployment's cultivation.events mirrored into ours, and its committee hosted above
        List<KafkaMirrorMaker2> mirrors = ofKind(overlay, "KafkaMirrorMaker2").stream().map(d -> bind(d, KafkaMirrorMaker2.class)).toList();
        assertEquals(1, mirrors.size());
        var spec = mirrors.get(0).getSpec();
        assertEquals(1, spec.getMirrors().size());
        var mirror = spec.getMirrors().get(0);
        assertEquals(spec.getConnectCluster(), mirror.getTargetCluster(), "MirrorMaker 2 runs its Connect cluster on the target");
        assertTrue(Pattern.compile(mirror.getTopicsPattern()).matcher("cultivation.events").matches(), "it mirrors cultivation.events");
        assertFalse(Pattern.compile(mirror.getTopicsPattern()).matcher("proposals.events").matches(), "and nothing else");
        assertTrue(names(overlay, "KafkaTopic").contains(mirror.getSourceCluster() + "-cultivation-events")
                || ofKind(overlay, "KafkaTopic").stream().anyMatch(t -> t.path("spec").path("topicName").asText()
                .equals(mirror.getSourceCluster() + ".cultivation.events")), "the mirrored topic is declared");
        ConfigMap platform = bind(ofKind(overlay, "ConfigMap").stream().filter(c -> c.path("metadata").path("name").asText().equals("cppcc-platform"))
                .findFirst().orElseThrow(), ConfigMap.class);
        assertEquals("100000", platform.getData().get("CPPCC_DEPLOYMENT_PARENT_COMMITTEES"));
    }

    private static Set<String> names(String overlay, String kind) {
        return ofKind(overlay, kind).stream().map(d -> d.path("metadata").path("name").asText()).collect(Collectors.toSet());
    }
}
