package org.cppcc.e2e;

import org.cppcc.deploy.Api;
import org.cppcc.deploy.Service;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A district onboarded and staffed by API takes a proposal in the same run; suspended, every service keeps it read-only; resumed, it takes work. */
class OnboardingFlowTest extends E2eTest {

    private static Api.Reply submitReply() {
        return api.post(platform.url(Service.PROPOSALS) + "/committees/440106/proposals", token("gz-member"),
                Map.of("title", "关于天河区智慧社区建设的提案", "body", "建议统筹推进智慧社区建设。", "publishConsent", true));
    }

    private static int submit() {
        return submitReply().status();
    }

    @Test
    void aNewDistrictIsOnboardedStaffedAndTakesAProposal() {
        String admin = token("admin");
        Api.Reply onboarded = api.put(platform.url(Service.MEMBERS) + "/admin/committees/440106", admin,
                Map.of("name", "广州市天河区政协", "level", "district", "parentCode", "440100"));
        assertEquals(200, onboarded.status(), () -> onboarded.body().toString());
        // a person of 广州市 becomes a member of the new district too (a platform administrator links the account)
        Api.Reply joined = api.post(platform.url(Service.MEMBERS) + "/committees/440106/members", admin,
                Map.of("username", "gz-member", "name", "陈芳", "sector", "科技界"));
        assertEquals(201, joined.status(), () -> joined.body().toString());

        // staffed by API: a new account for its proposal office, who logs in (password set) and registers
        Api.Reply staffed = api.put(platform.url(Service.MEMBERS) + "/committees/440106/staff/th-staff/roles/proposal-office", admin,
                Map.of("name", "吴静", "email", "th-staff@demo.cppcc.local"));
        assertEquals(200, staffed.status(), () -> staffed.body().toString());
        E2ePlatform.setPassword("th-staff", "Tian-He-2026");

        // as soon as the account has its new role and proposals-service knows the committee
        String[] proposal = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Api.Reply r = submitReply();
            proposal[0] = r.status() == 201 ? r.body().get("id").asText() : null;
            return proposal[0] != null;
        });
        String thStaff = api.token("th-staff", "Tian-He-2026");
        Api.Reply registered = api.post(platform.url(Service.PROPOSALS) + "/committees/440106/proposals/" + proposal[0] + "/register",
                thStaff, Map.of());
        assertEquals(200, registered.status(), () -> registered.body().toString());

        assertEquals(200, api.post(platform.url(Service.MEMBERS) + "/admin/committees/440106/suspend", admin, Map.of()).status());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> submit() == 423);
        assertEquals(200, api.get(platform.url(Service.PROPOSALS) + "/committees/440106/proposals", token("gz-member")).status(),
                "a suspended committee is read-only, not gone");

        assertEquals(200, api.post(platform.url(Service.MEMBERS) + "/admin/committees/440106/resume", admin, Map.of()).status());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> submit() == 201);
    }
}
