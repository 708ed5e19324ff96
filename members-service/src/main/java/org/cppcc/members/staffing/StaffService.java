package org.cppcc.members.staffing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.cppcc.members.accounts.AccountOwnership;
import org.cppcc.members.accounts.KeycloakAccounts;
import org.cppcc.platform.problem.ProblemException;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.tenancy.CommitteeScope;
import org.cppcc.platform.tenancy.CommitteeDirectory;
import org.cppcc.platform.tenancy.Roles;
import org.keycloak.representations.idm.UserRepresentation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.Topics;
import org.cppcc.platform.events.contracts.LeadershipEvents;
import org.cppcc.platform.outbox.Outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * 人员与角色: a committee's administrators grant and remove its staff roles (proposal office, consultation office,
 * handling-unit officer, leader, administrator) by API. Keycloak is the truth for staff roles (members are the
 * registry's), so a call changes Keycloak at once, or answers 503 when it cannot. Accounts follow the same
 * ownership rule as members (ADR 0007): a new person gets a new account; an existing account is taken on only if
 * it holds nothing outside this committee, unless a platform administrator acts.
 */
@ApplicationScoped
public class StaffService {

    /** The roles granted here; membership (委员) goes through the registry, platform-admin is the operators'. */
    public static final Set<String> STAFF_ROLES = Set.of(Roles.PROPOSAL_OFFICE, Roles.CONSULTATION_OFFICE, Roles.HANDLING_UNIT,
            Roles.LEADER, Roles.COMMITTEE_ADMIN);

    /** For a person who has no account yet: their name and e-mail (the account gets the set-password action). */
    public record Grant(@Size(max = 100) String name, @Email @Size(max = 200) String email) {
    }

    public record StaffMember(String userId, String username, String name, List<String> roles) {
    }

    private final KeycloakAccounts accounts;
    private final AccountOwnership ownership;
    private final CommitteeDirectory directory;
    private final CommitteeContext committee;
    private final EntityManager em;
    private final CommitteeScope scope;
    private final Outbox outbox;

    public StaffService(KeycloakAccounts accounts, AccountOwnership ownership, CommitteeDirectory directory, CommitteeContext committee,
                        EntityManager em, CommitteeScope scope, Outbox outbox) {
        this.outbox = outbox;
        this.scope = scope;
        this.accounts = accounts;
        this.ownership = ownership;
        this.directory = directory;
        this.committee = committee;
        this.em = em;
    }

    public StaffMember grant(String username, String role, Grant g) {
        checkRole(role);
        if (!ownership.checkMayLink(committee.code(), null, username)) { // a role is granted now, so Keycloak must answer now
            throw new org.cppcc.platform.problem.ProblemException(503, "unavailable", "服务暂不可用 / Service unavailable",
                    "the account service cannot be asked now whether '" + username + "' belongs to someone else; nothing was changed; try again shortly");
        }
        return keycloak(() -> {
            String name = g == null || g.name() == null || g.name().isBlank() ? username : g.name().strip();
            String userId = accounts.ensureUser(new KeycloakAccounts.Person(null, username, name, g == null ? null : g.email()));
            accounts.grant(userId, path(), role);
            leadersChanged(role);
            return of(username);
        });
    }

    /** Removes the role; the account is disabled only if it holds nothing else anywhere (no group, no realm role). */
    public StaffMember revoke(String username, String role) {
        checkRole(role);
        return keycloak(() -> {
            KeycloakAccounts.Existing a = accounts.existing(null, username)
                    .orElseThrow(() -> Problems.notFound("account", username));
            if (!a.groups().contains(groupPath(role))) {
                throw Problems.notFound(role + " role of", username);
            }
            accounts.revoke(a.id(), path(), role, !activeMemberAnywhere(a.id()));
            leadersChanged(role);
            return of(username);
        });
    }

    /** Everyone holding a staff role in the committee, with their roles here. */
    public List<StaffMember> list() {
        return keycloak(() -> {
            Map<String, StaffMember> byUser = new TreeMap<>();
            for (String role : new TreeSet<>(STAFF_ROLES)) {
                for (UserRepresentation u : accounts.holders(path(), role)) {
                    StaffMember s = byUser.computeIfAbsent(u.getUsername(), k -> new StaffMember(u.getId(), u.getUsername(), display(u),
                            new ArrayList<>()));
                    s.roles().add(role);
                }
            }
            return List.copyOf(byUser.values());
        });
    }

    /**
     * After a leader role changed in Keycloak: announces the committee's whole leader list, from Keycloak, so a lost
     * or repeated announcement is mended by the next one (proposals-service names leaders as supervisors, 督办).
     */
    private void leadersChanged(String role) {
        if (!Roles.LEADER.equals(role)) {
            return;
        }
        List<LeadershipEvents.LeadersChanged.Leader> leaders = accounts.holders(path(), Roles.LEADER).stream()
                .map(u -> new LeadershipEvents.LeadersChanged.Leader(u.getId(), u.getUsername(), display(u)))
                .sorted(java.util.Comparator.comparing(LeadershipEvents.LeadersChanged.Leader::username)).toList();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(Topics.MEMBERS, EventTypes.LEADERS_CHANGED, committee.code(),
                committee.code(), new LeadershipEvents.LeadersChanged(leaders)));
    }

    private StaffMember of(String username) {
        KeycloakAccounts.Existing a = accounts.existing(null, username).orElseThrow();
        String prefix = "/" + String.join("/", path()) + "/";
        List<String> roles = a.groups().stream().filter(g -> g.startsWith(prefix) && !g.substring(prefix.length()).contains("/"))
                .map(g -> g.substring(prefix.length())).filter(STAFF_ROLES::contains).sorted().toList();
        return new StaffMember(a.id(), a.username(), null, roles);
    }

    private static String display(UserRepresentation u) {
        String family = u.getLastName() == null ? "" : u.getLastName();
        String given = u.getFirstName() == null ? "" : u.getFirstName();
        return (family + given).isBlank() ? u.getUsername() : family + given;
    }

    /** Whether the person is an active member of any committee: crosses committees on purpose. */
    private boolean activeMemberAnywhere(String userId) {
        return scope.across(() -> ((Number) em.createNativeQuery("select count(*) from member where user_id = ?1 and status = 'ACTIVE'")
                .setParameter(1, userId).getSingleResult()).longValue() > 0);
    }

    private static void checkRole(String role) {
        if (!STAFF_ROLES.contains(role)) {
            throw Problems.badRequest("role must be one of " + new TreeSet<>(STAFF_ROLES) + " (members are added through the roster)");
        }
    }

    private List<String> path() {
        return directory.path(committee.code());
    }

    private String groupPath(String role) {
        return "/" + String.join("/", path()) + "/" + role;
    }

    /** A Keycloak call; its failure to answer is a 503 the caller can retry, not a 500. */
    private <T> T keycloak(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            io.quarkus.logging.Log.warnf("Keycloak did not answer a staffing call in %s: %s", committee.code(), e.toString());
            throw new ProblemException(503, "unavailable", "服务暂不可用 / Service unavailable",
                    "the account service cannot be reached just now; nothing was changed; try again shortly");
        }
    }
}
