package org.cppcc.members.accounts;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
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

    /**
     * Finds the person's account (by id, else by user name) or creates it, enabled, with the set-password
     * action; returns its id. An existing account is linked, never duplicated.
     */
    public String ensureUser(Person p) {
        Optional<UserRepresentation> found = find(p);
        if (found.isPresent()) {
            UserRepresentation u = found.get();
            if (!Boolean.TRUE.equals(u.isEnabled())) {
                u.setEnabled(true);
                realm().users().get(u.getId()).update(u);
            }
            return u.getId();
        }
        UserRepresentation u = new UserRepresentation();
        u.setUsername(p.username());
        u.setEnabled(true);
        u.setFirstName(p.name());
        u.setLastName("");
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
            } catch (NotFoundException e) {
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

    /** Takes the role away; disables the account if no group (no role in any committee) is left and disableIfNone. */
    public void revoke(String userId, List<String> committeePath, String role, boolean disableIfNone) {
        var user = realm().users().get(userId);
        String path = path(committeePath) + "/" + role;
        for (GroupRepresentation g : user.groups(0, 1000, false)) {
            if (path.equals(g.getPath())) {
                user.leaveGroup(g.getId());
            }
        }
        if (disableIfNone && user.groups(0, 1, true).isEmpty()) {
            UserRepresentation rep = user.toRepresentation();
            if (Boolean.TRUE.equals(rep.isEnabled())) {
                rep.setEnabled(false);
                user.update(rep);
            }
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
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private String ensureGroup(List<String> committeePath, String role) {
        String full = path(committeePath) + "/" + role;
        try {
            return realm().getGroupByPath(full).getId();
        } catch (NotFoundException e) {
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
            } catch (NotFoundException e) {
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

    private RealmResource realm() {
        return keycloak.realm(realm);
    }
}
