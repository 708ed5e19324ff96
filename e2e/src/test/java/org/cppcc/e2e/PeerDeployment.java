package org.cppcc.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cppcc.deploy.Api;
import org.cppcc.deploy.LocalPlatform;
import org.cppcc.deploy.Service;
import org.cppcc.platform.infra.InfraPaths;
import org.cppcc.platform.infra.KafkaBroker;
import org.cppcc.platform.infra.ManagedProcess;
import org.cppcc.platform.infra.MirrorMaker;
import org.cppcc.platform.infra.Ports;
import org.cppcc.platform.infra.Wait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A second deployment beside the e2e platform (ADR 0012): the province 广西 running its own broker, realm
 * ({@value #REALM}), members-service and proposals-service, with their own databases. Its registry holds the
 * national committee as the top of its tree, hosted by the parent deployment — the e2e platform, which hosts
 * 全国政协 100000 — and MirrorMaker 2 replicates cultivation.events between the two brokers. (The two realms live
 * in one Keycloak server and the databases in one PostgreSQL: separate realms and databases are what the services
 * see; sharing the servers keeps the run within two cores.)
 */
final class PeerDeployment implements AutoCloseable {

    static final String REALM = "cppcc-gx";
    /** MirrorMaker 2 aliases: this deployment's topics arrive at the parent as gx.cultivation.events, and the other way round. */
    static final String ALIAS = "gx";
    static final String PARENT_ALIAS = "national";
    static final String NATIONAL = "100000";

    private final LocalPlatform parent;
    private final List<ManagedProcess> services = new ArrayList<>();
    private KafkaBroker kafka;
    private MirrorMaker mirrorMaker;
    private int membersPort;
    private int proposalsPort;

    private PeerDeployment(LocalPlatform parent) {
        this.parent = parent;
    }

    static PeerDeployment start(LocalPlatform parent, Api parentApi) {
        PeerDeployment d = new PeerDeployment(parent);
        try {
            d.startAll(parentApi);
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
        return d;
    }

    private void startAll(Api parentApi) {
        createRealm(parentApi);
        kafka = new KafkaBroker(parent.stateDir().resolve("gx/kafka"), Ports.free(), Ports.free()).start();
        membersPort = Ports.free();
        proposalsPort = Ports.free();
        // the national committee of this registry is the parent deployment's to run
        Map<String, String> settings = Map.of("CPPCC_DEPLOYMENT_PARENT_COMMITTEES", NATIONAL,
                "CPPCC_ACCOUNTS_REALM", REALM, "QUARKUS_KEYCLOAK_ADMIN_CLIENT_REALM", REALM);
        services.add(parent.launch(Service.MEMBERS, "gx-members-service", membersPort, parent.database("gx_members"), "gx_members",
                kafka.bootstrapServers(), realmUrl(), settings));
        services.add(parent.launch(Service.PROPOSALS, "gx-proposals-service", proposalsPort, parent.database("gx_proposals"), "gx_proposals",
                kafka.bootstrapServers(), realmUrl(), settings));
        mirrorMaker = new MirrorMaker(parent.stateDir().resolve("gx/mirror-maker"),
                new MirrorMaker.Cluster(PARENT_ALIAS, parent.kafka().bootstrapServers()),
                new MirrorMaker.Cluster(ALIAS, kafka.bootstrapServers()), "cultivation\\.events").start();
        for (int i = 0; i < services.size(); i++) {
            ManagedProcess p = services.get(i);
            String url = "http://localhost:" + (i == 0 ? membersPort : proposalsPort);
            Wait.until(p.name(), Duration.ofSeconds(180), () -> {
                if (!p.alive()) {
                    throw new IllegalStateException(p.name() + " exited; see " + p.log());
                }
                return Wait.httpOk(url + "/q/health/ready");
            });
        }
    }

    /** This deployment's realm: the platform's realm definition (clients, roles, the members-service account) without its people. */
    private void createRealm(Api parentApi) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode realm = (ObjectNode) json.readTree(InfraPaths.realmFile().toFile());
            realm.put("realm", REALM).put("displayName", "广西壮族自治区政协 (a provincial deployment)");
            realm.putArray("groups");
            ArrayNode users = realm.putArray("users");
            json.readTree(InfraPaths.realmFile().toFile()).get("users").forEach(u -> {
                String name = u.get("username").asText();
                if (name.equals("admin") || name.equals("service-account-members-service")) {
                    ObjectNode copy = ((ObjectNode) u).deepCopy();
                    copy.remove("id"); // user ids are unique across realms
                    ((ArrayNode) copy.withArray("realmRoles")).removeAll();
                    if (name.equals("admin")) {
                        copy.withArray("realmRoles").add("platform-admin");
                    }
                    users.add(copy);
                }
            });
            Api.Reply r = parentApi.post(parent.keycloakUrl() + "/admin/realms", E2ePlatform.keycloakAdmin(), realm);
            if (r.status() != 201 && r.status() != 409) {
                throw new IllegalStateException("realm " + REALM + " not created: " + r.status() + " " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String realmUrl() {
        return parent.keycloakUrl() + "/realms/" + REALM;
    }

    String members() {
        return "http://localhost:" + membersPort;
    }

    String proposals() {
        return "http://localhost:" + proposalsPort;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void close() {
        if (mirrorMaker != null) {
            mirrorMaker.stop();
        }
        services.forEach(ManagedProcess::stop);
        if (kafka != null) {
            kafka.stop();
        }
    }
}
