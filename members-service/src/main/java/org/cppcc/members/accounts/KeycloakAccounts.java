package org.cppcc.members.accounts;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The members' accounts in Keycloak, through its admin API (confidential client members-service). A role
 * in a committee is membership of the group {@code /<national>/…/<committee>/<role>}; every call here is
 * idempotent so that retries and the reconciliation job can repeat it freely.
 */
@ApplicationScoped
public class KeycloakAccounts {

    /** The action a new account must take: the person chooses their own password. */
    static final String SET_PASSWORD = "UPDATE_PASSWORD";

    private final Keycloak keycloak;
    private final String realm;
    private final boolean actionsEmail;

    public KeycloakAccounts(Keycloak keycloak, @ConfigProperty(name = "cppcc.accounts.realm", defaultValue = "cppcc") String realm,
                            @ConfigProperty(name = "cppcc.accounts.actions-email", defaultValue = "true") boolean actionsEmail) {
        this.keycloak = keycloak;
        this.realm = realm;
        this.actionsEmail = actionsEmail;
    }

    public record Person(String userId, String username, String name, String email) {
    }

    /** An account that exists: whether it is enabled, its group paths and its own realm roles. */
    public record Existing(String id, String username, boolean enabled, boolean disabledByRegistry, List<String> groups,
                           List<String> realmRoles) {
    }

    /** Set on an account the registry disabled (no role left): only such an account is enabled again by a sync. */
    static final String DISABLED_BY_REGISTRY = "cppccDisabledByRegistry";

    /** The person's account if one exists (by id, else by user name), with what it holds. */
    public Optional<Existing> existing(String userId, String username) {
        return find(new Person(userId, username, null, null)).map(u -> {
            var user = realm().users().get(u.getId());
            List<String> groups = user.groups(0, 1000, false).stream().map(GroupRepresentation::getPath).toList();
            List<String> roles = ownRealmRoles(user);
            return new Existing(u.getId(), u.getUsername(), Boolean.TRUE.equals(u.isEnabled()), disabledByRegistry(u), groups, roles);
        });
    }

    private static boolean disabledByRegistry(UserRepresentation u) {
        return u.getAttributes() != null && u.getAttributes().getOrDefault(DISABLED_BY_REGISTRY, List.of()).contains("true");
    }

    /**
     * Finds the person's account (by id, else by user name) or creates it, enabled, with the set-password
     * action; returns its id. An existing account is linked, never duplicated. A disabled account is enabled
     * again only if the registry disabled it (its last role ended); one an operator disabled stays so.
     */
    public String ensureUser(Person p) {
        Optional<UserRepresentation> found = find(p);
        if (found.isPresent()) {
            UserRepresentation u = found.get();
            if (!Boolean.TRUE.equals(u.isEnabled())) {
                if (!disabledByRegistry(u)) {
                    throw new AccountRefused("the account " + u.getUsername() + " was disabled in Keycloak by an operator; "
                            + "an operator enables it again");
                }
                u.setEnabled(true);
                u.getAttributes().remove(DISABLED_BY_REGISTRY);
                realm().users().get(u.getId()).update(u);
            }
            return u.getId();
        }
        UserRepresentation u = new UserRepresentation();
        u.setUsername(p.username());
        u.setEnabled(true);
        PersonName name = PersonName.of(p.name());
        u.setLastName(name.family());
        u.setFirstName(name.given());
        u.setAttributes(Map.of(PersonName.FULL_NAME, List.of(name.full())));
        u.setEmail(p.email());
        u.setEmailVerified(p.email() != null);
        u.setRequiredActions(List.of(SET_PASSWORD));
        String id;
        try (Response r = realm().users().create(u)) {
            if (r.getStatus() == 409) { // created by a concurrent attempt: link it
                return find(p).map(UserRepresentation::getId).orElseThrow(() -> new IllegalStateException("user " + p.username() + " conflicts but cannot be found"));
            }
            id = CreatedResponseUtil.getCreatedId(r);
        }
        if (actionsEmail && p.email() != null) {
            try {
                realm().users().get(id).executeActionsEmail(List.of(SET_PASSWORD));
            } catch (RuntimeException e) { // the realm has no mail server: the account stands, staff send the link later
                Log.warnf("set-password e-mail to %s not sent: %s", p.username(), e.getMessage());
            }
        }
        return id;
    }

    private Optional<UserRepresentation> find(Person p) {
        if (p.userId() != null) {
            try {
                return Optional.of(realm().users().get(p.userId()).toRepresentation());
            } catch (jakarta.ws.rs.WebApplicationException e) {
                notFoundOrThrow(e);
                // fall back to the user name
            }
        }
        return realm().users().searchByUsername(p.username(), true).stream().findFirst();
    }

    /** Puts the user in a committee role group, creating the group (and missing ancestors) if needed. */
    public void grant(String userId, List<String> committeePath, String role) {
        String groupId = ensureGroup(committeePath, role);
        boolean has = realm().users().get(userId).groups(0, 1000, true).stream().anyMatch(g -> g.getId().equals(groupId));
        if (!has) {
            realm().users().get(userId).joinGroup(groupId);
        }
    }

    /**
     * Takes the role away; disables the account if disableIfNone and it holds nothing else: no group (no role in
     * any committee) and no realm role of its own (an operator's account is never disabled by a committee).
     */
    public void revoke(String userId, List<String> committeePath, String role, boolean disableIfNone) {
        var user = realm().users().get(userId);
        String path = path(committeePath) + "/" + role;
        for (GroupRepresentation g : user.groups(0, 1000, false)) {
            if (path.equals(g.getPath())) {
                user.leaveGroup(g.getId());
            }
        }
        if (disableIfNone && user.groups(0, 1, true).isEmpty() && ownRealmRoles(user).isEmpty()) {
            UserRepresentation rep = user.toRepresentation();
            if (Boolean.TRUE.equals(rep.isEnabled())) {
                rep.setEnabled(false);
                Map<String, List<String>> attributes = new java.util.HashMap<>(rep.getAttributes() == null ? Map.of() : rep.getAttributes());
                attributes.put(DISABLED_BY_REGISTRY, List.of("true"));
                rep.setAttributes(attributes);
                user.update(rep);
            }
        }
    }

    /** Realm roles beyond the ones every account has (default-roles-…, offline_access, uma_authorization). */
    private static List<String> ownRealmRoles(org.keycloak.admin.client.resource.UserResource user) {
        return user.roles().realmLevel().listAll().stream().map(org.keycloak.representations.idm.RoleRepresentation::getName)
                .filter(r -> !r.startsWith("default-roles-") && !r.equals("offline_access") && !r.equals("uma_authorization")).toList();
    }

    /** Makes every role group of a committee (onboarding), so that roles can be granted at once. */
    public void ensureRoleGroups(List<String> committeePath, java.util.Collection<String> roles) {
        roles.forEach(role -> ensureGroup(committeePath, role));
    }

    /** The people holding a role group of a committee (empty if the group does not exist yet). */
    public List<UserRepresentation> holders(List<String> committeePath, String role) {
        try {
            String groupId = realm().getGroupByPath(path(committeePath) + "/" + role).getId();
            return realm().groups().group(groupId).members(0, 1000);
        } catch (jakarta.ws.rs.WebApplicationException e) {
            notFoundOrThrow(e);
            return List.of();
        }
    }

    /** Whether the user holds the role group (for the drift check). */
    public boolean holds(String userId, List<String> committeePath, String role) {
        String path = path(committeePath) + "/" + role;
        return realm().users().get(userId).groups(0, 1000, false).stream().anyMatch(g -> path.equals(g.getPath()));
    }

    public Optional<UserRepresentation> user(String userId) {
        try {
            return Optional.of(realm().users().get(userId).toRepresentation());
        } catch (jakarta.ws.rs.WebApplicationException e) {
            notFoundOrThrow(e);
            return Optional.empty();
        }
    }

    private String ensureGroup(List<String> committeePath, String role) {
        String full = path(committeePath) + "/" + role;
        try {
            return realm().getGroupByPath(full).getId();
        } catch (jakarta.ws.rs.WebApplicationException e) {
            notFoundOrThrow(e);
            // build it top-down below
        }
        String parentId = null;
        StringBuilder path = new StringBuilder();
        List<String> names = new java.util.ArrayList<>(committeePath);
        names.add(role);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            path.append('/').append(name);
            String id;
            try {
                id = realm().getGroupByPath(path.toString()).getId();
            } catch (jakarta.ws.rs.WebApplicationException e) {
                notFoundOrThrow(e);
                GroupRepresentation g = new GroupRepresentation();
                g.setName(name);
                if (i == names.size() - 1) {
                    g.setAttributes(Map.of("role", List.of(role)));
                }
                try (Response r = parentId == null ? realm().groups().add(g) : realm().groups().group(parentId).subGroup(g)) {
                    id = r.getStatus() == 409 ? realm().getGroupByPath(path.toString()).getId() : CreatedResponseUtil.getCreatedId(r);
                }
            }
            parentId = id;
        }
        return parentId;
    }

    private static String path(List<String> committeePath) {
        return "/" + String.join("/", committeePath);
    }

    /**
     * Keycloak's 404 (the admin client reports it as a WebApplicationException, reactive or classic); any other
     * failure goes on up.
     */
    private static void notFoundOrThrow(jakarta.ws.rs.WebApplicationException e) {
        if (e.getResponse() == null || e.getResponse().getStatus() != 404) {
            throw e;
        }
    }

    private RealmResource realm() {
        return keycloak.realm(realm);
    }
}
