package org.cppcc.bench;

import org.cppcc.deploy.Api;
import org.cppcc.deploy.DemoSeed;
import org.cppcc.deploy.Ports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Distinct callers for the load: bench-01… of 黄埔区, added to the roster the way a committee does it (members-service
 * makes their Keycloak accounts), staffed in the proposal office too (so that the office's reads come from many
 * people: each person may make 3,000 requests a minute), then given a password by Keycloak's administrator.
 */
final class BenchMembers {

    static final String PASSWORD = "Bench-2026-load";

    private BenchMembers() {
    }

    static List<String> ensure(Api api, Ports ports, int count) throws InterruptedException {
        String admin = api.token("hp-admin", DemoSeed.DEMO_PASSWORD);
        String roster = "http://localhost:" + ports.members() + "/committees/" + Bench.COMMITTEE + "/members";
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String username = String.format("bench-%02d", i);
            Api.Reply r = api.post(roster, admin, Map.of("username", username, "name", "压测委员" + i, "sector", "经济界"));
            if (r.status() != 201 && r.status() != 409) {
                throw new IllegalStateException("bench member " + username + " not added: " + r.status() + " " + r.body());
            }
            names.add(username);
        }
        String realm = "http://localhost:" + ports.keycloak() + "/admin/realms/cppcc";
        for (String username : names) {
            String id = null;
            for (int attempt = 0; id == null && attempt < 120; attempt++) { // the account is made by the registry's sync
                var found = api.get(realm + "/users?exact=true&username=" + username, Bench.keycloakAdmin(ports)).body();
                if (found.size() == 1) {
                    id = found.get(0).get("id").asText();
                } else {
                    Thread.sleep(500);
                }
            }
            if (id == null) {
                throw new IllegalStateException("no Keycloak account for " + username + " after a minute");
            }
            Api.Reply set = api.put(realm + "/users/" + id + "/reset-password", Bench.keycloakAdmin(ports),
                    Map.of("type", "password", "value", PASSWORD, "temporary", false));
            if (set.status() != 204) {
                throw new IllegalStateException("password of " + username + " not set: " + set.status());
            }
            api.put(realm + "/users/" + id, Bench.keycloakAdmin(ports), Map.of("requiredActions", List.of()));
            Api.Reply staffed = api.put("http://localhost:" + ports.members() + "/committees/" + Bench.COMMITTEE + "/staff/" + username
                    + "/roles/proposal-office", admin, Map.of());
            if (staffed.status() >= 300) {
                throw new IllegalStateException(username + " not staffed: " + staffed.status() + " " + staffed.body());
            }
        }
        return names;
    }
}
