package org.cppcc.members;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.platform.testkit.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.GroupRepresentation;

import java.util.List;
import java.util.UUID;

import static org.cppcc.members.MembersTestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A committee's administrator staffs it by API, within the committee and the account ownership rule. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class StaffTest {

    static final String OFFICE = "/100000/440000/440100/440112/proposal-office";

    @Inject
    Keycloak keycloak;

    @BeforeEach
    void committees() {
        MembersTestSupport.demoCommittees();
    }

    private List<String> groups(String userId) {
        return keycloak.realm("cppcc").users().get(userId).groups(0, 100, false).stream().map(GroupRepresentation::getPath).toList();
    }

    /** Whether a LeadersChanged of 黄埔区 on members.events lists user names that match. */
    private static boolean leadersAnnounced(java.util.function.Predicate<List<String>> match) {
        return !org.cppcc.platform.testkit.TopicReader.await("members.events", e -> "org.cppcc.members.LeadersChanged.v1".equals(e.path("type").asText())
                && "440112".equals(e.path("committee").asText()) && match.test(e.path("data").path("leaders").findValuesAsText("username")), 1,
                java.time.Duration.ofSeconds(30)).isEmpty();
    }

    @Test
    void anAdministratorGrantsAndRemovesRolesOfTheirCommittee() {
        String username = "s-" + UUID.randomUUID().toString().substring(0, 8);
        String userId = as("hp-admin").body("{\"name\":\"林红\",\"email\":\"" + username + "@example.cn\"}")
                .put("/committees/440112/staff/" + username + "/roles/proposal-office").then().statusCode(200)
                .body("roles", equalTo(List.of("proposal-office"))).extract().path("userId");
        assertEquals(List.of(OFFICE), groups(userId));
        var created = keycloak.realm("cppcc").users().get(userId).toRepresentation();
        assertEquals("林", created.getLastName());
        assertTrue(created.getRequiredActions().contains("UPDATE_PASSWORD"));
        as("hp-admin").put("/committees/440112/staff/" + username + "/roles/leader").then().statusCode(200)
                .body("roles", equalTo(List.of("leader", "proposal-office")));
        as("hp-admin").get("/committees/440112/staff").then().statusCode(200)
                .body("find { it.username == '" + username + "' }.roles", equalTo(List.of("leader", "proposal-office")));
        // the committee's whole leader list goes to the other services (督办 names leaders from it)
        assertTrue(leadersAnnounced(l -> l.contains(username) && l.contains("hp-leader")), "the new leader beside hp-leader");

        as("hp-admin").delete("/committees/440112/staff/" + username + "/roles/leader").then().statusCode(200)
                .body("roles", equalTo(List.of("proposal-office")));
        assertTrue(leadersAnnounced(l -> !l.contains(username) && l.contains("hp-leader")), "and without them once removed");
        as("hp-admin").delete("/committees/440112/staff/" + username + "/roles/proposal-office").then().statusCode(200)
                .body("roles", equalTo(List.of()));
        assertFalse(keycloak.realm("cppcc").users().get(userId).toRepresentation().isEnabled(), "nothing left: disabled");
        as("hp-admin").delete("/committees/440112/staff/" + username + "/roles/proposal-office").then().statusCode(404);
        as("hp-admin").get("/committees/440112/staff").then().body("username", not(hasItem(username)));
    }

    @Test
    void staffingStaysInsideTheCommitteeAndItsRules() {
        String gzStaff = Tokens.subject(Tokens.of("gz-staff"));
        List<String> before = groups(gzStaff);
        as("hp-admin").put("/committees/440112/staff/gz-staff/roles/proposal-office").then().statusCode(403)
                .contentType("application/problem+json");
        as("hp-admin").put("/committees/440112/staff/admin/roles/leader").then().statusCode(403);
        assertEquals(before, groups(gzStaff), "nothing changed in Keycloak");
        as("hp-admin").put("/committees/440100/staff/s-x1/roles/leader").then().statusCode(403);
        as("hp-member").put("/committees/440112/staff/s-x2/roles/leader").then().statusCode(403);
        as("hp-admin").put("/committees/440112/staff/s-x3/roles/member").then().statusCode(400);
        as("hp-admin").put("/committees/440112/staff/s-x3/roles/platform-admin").then().statusCode(400);
        as("hp-admin").put("/committees/440112/staff/Bad%20Name/roles/leader").then().statusCode(400);

        // a platform administrator may take on an account that holds roles elsewhere; removing it leaves those
        as("admin").put("/committees/440112/staff/gz-staff/roles/leader").then().statusCode(200).body("roles", equalTo(List.of("leader")));
        as("admin").delete("/committees/440112/staff/gz-staff/roles/leader").then().statusCode(200);
        assertEquals(before, groups(gzStaff));
        assertTrue(keycloak.realm("cppcc").users().get(gzStaff).toRepresentation().isEnabled(), "gz-staff keeps 440100's role");
    }
}
