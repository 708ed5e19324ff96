package org.cppcc.e2e;

import org.cppcc.deploy.Api;
import org.cppcc.deploy.DemoSeed;
import org.cppcc.deploy.Service;
import org.cppcc.platform.infra.Wait;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * R2 and R3 of the fault suite: PostgreSQL restarted under load (requests fail cleanly with 503, nothing is
 * half-applied, the services recover by themselves), and Keycloak down (issued tokens keep working, a member
 * added meanwhile gets an account once it is back, and logs in).
 */
class InfrastructureFaultsTest extends E2eTest {

    static final int SUBMISSIONS = Integer.getInteger("cppcc.fault.pg-submissions", 450);
    static final int RATE = 15;
    static final int DATABASE_DOWN_SECONDS = 10;

    @Test
    void aDatabaseRestartUnderLoadAnswers503AndHalfAppliesNothing() throws Exception {
        int stopAt = SUBMISSIONS / 4;
        FaultDrill.Outcome o = new FaultDrill(platform, api).run(SUBMISSIONS, RATE, Map.of(
                stopAt, recoveries -> {
                    platform.stopPostgres();
                    return "PostgreSQL stopped";
                },
                stopAt + DATABASE_DOWN_SECONDS * RATE, recoveries -> {
                    platform.startPostgres();
                    return "PostgreSQL started again (" + DATABASE_DOWN_SECONDS + " s down)";
                }));
        System.out.println("[fault suite R2] " + o.figures(SUBMISSIONS, RATE));
        assertTrue(o.statuses().getOrDefault(503, 0) > 0, "the restart was felt: " + o.statuses());
        assertEquals(List.of(), o.unclean(), "while the database is away every failure is 503 problem+json with Retry-After");
        assertEquals(List.of(), o.duplicated(), "each effect exactly once");
        for (Service s : Service.values()) { // none was restarted: each found its database again by itself
            assertTrue(Wait.httpOk(platform.url(s) + "/q/health/ready"), s.module() + " ready");
        }
    }

    @Test
    void withKeycloakDownIssuedTokensWorkAndAMemberAddedMeanwhileGetsAnAccountAfter() {
        String member = token("hp-member");
        String admin = token("hp-admin");
        String username = "kc-down-" + UUID.randomUUID().toString().substring(0, 6);
        String members = platform.url(Service.MEMBERS) + "/committees/440112/members";
        String memberId;
        String takenId;
        platform.keycloak().stop();
        try {
            // tokens issued before are checked against the keys the services hold
            Api.Reply submitted = api.post(platform.url(Service.PROPOSALS) + "/committees/440112/proposals", member,
                    Map.of("title", "认证服务停机期间的提案", "body", "已签发的令牌仍然有效。", "publishConsent", true));
            assertEquals(201, submitted.status(), () -> submitted.body().toString());
            assertThrows(RuntimeException.class, () -> api.token("hp-staff", DemoSeed.DEMO_PASSWORD), "a new login cannot happen: there is nobody to log in at");

            // the registry takes the member now; the account follows when Keycloak is back
            Api.Reply added = api.post(members, admin, Map.of("username", username, "name", "周强", "sector", "经济界"));
            assertEquals(201, added.status(), () -> added.body().toString());
            assertEquals("PENDING", added.body().get("accountState").asText());
            memberId = added.body().get("id").asText();
            // one that names another committee's staff account is taken too, but never linked to it (below)
            Api.Reply taken = api.post(members, admin, Map.of("username", "gz-staff", "name", "冒名", "sector", "经济界"));
            assertEquals(201, taken.status(), () -> taken.body().toString());
            takenId = taken.body().get("id").asText();

            // what needs Keycloak's answer now says so, and changes nothing
            Api.Reply staffing = api.put(platform.url(Service.MEMBERS) + "/committees/440112/staff/" + username + "/roles/leader", admin, Map.of());
            assertEquals(503, staffing.status(), () -> staffing.body().toString());
            assertTrue(staffing.header("Retry-After") != null);
        } finally {
            platform.keycloak().start();
        }
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() ->
                "SYNCED".equals(api.get(members + "/" + memberId, token("hp-admin")).body().path("accountState").asText()));
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() ->
                "REJECTED".equals(api.get(members + "/" + takenId, token("hp-admin")).body().path("accountState").asText()));
        String gzStaff = token("gz-staff"); // untouched: still logs in, still 广州's proposal office and nothing of 黄埔
        assertEquals(200, api.get(platform.url(Service.PROPOSALS) + "/committees/440100/proposals", gzStaff).status());
        assertEquals(403, api.get(platform.url(Service.PROPOSALS) + "/committees/440112/proposals", gzStaff).status());

        // the account exists; once the person has set a password they log in and act in their committee
        E2ePlatform.setPassword(username, "Zhou-Qiang-2026");
        String own = api.token(username, "Zhou-Qiang-2026");
        assertEquals(200, api.get(members + "/me", own).status());
    }
}
