package org.cppcc.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The authenticated person, from their Keycloak access token. The subject is their one identity across
 * committees; claim {@value #COMMITTEE_ROLES_CLAIM} lists group paths such as
 * {@code /100000/440000/440100/440112/member}: the last segment is the role, the one before it the committee.
 */
@RequestScoped
public class Caller {

    public static final String COMMITTEE_ROLES_CLAIM = "committee_roles";

    private final SecurityIdentity identity;
    private Map<String, Set<String>> committeeRoles;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean authenticated() {
        return !identity.isAnonymous();
    }

    public String userId() {
        return jwt().getSubject();
    }

    public String username() {
        String u = jwt().getClaim("preferred_username");
        return u != null ? u : userId();
    }

    /** Chinese names read family name first (陈芳), which Keycloak's "name" claim does not do. */
    public String displayName() {
        String family = jwt().getClaim("family_name");
        String given = jwt().getClaim("given_name");
        if (family != null && given != null) {
            return family.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                    ? family + given : given + " " + family;
        }
        String name = jwt().getClaim("name");
        return name != null ? name : username();
    }

    /** When the caller's token expires (its exp claim), if it has one. */
    public java.util.Optional<java.time.Instant> tokenExpiresAt() {
        long exp = authenticated() ? jwt().getExpirationTime() : 0;
        return exp > 0 ? java.util.Optional.of(java.time.Instant.ofEpochSecond(exp)) : java.util.Optional.empty();
    }

    public boolean platformAdmin() {
        return identity.hasRole(Roles.PLATFORM_ADMIN);
    }

    public Set<String> rolesIn(String committeeCode) {
        return committeeRoles().getOrDefault(committeeCode, Set.of());
    }

    public Map<String, Set<String>> committeeRoles() {
        if (committeeRoles == null) {
            committeeRoles = authenticated() ? parse(claimValues(jwt().getClaim(COMMITTEE_ROLES_CLAIM))) : Map.of();
        }
        return committeeRoles;
    }

    /** Group paths to committee → roles; paths that do not end in a role under a committee are ignored. */
    public static Map<String, Set<String>> parse(Collection<String> groupPaths) {
        Map<String, Set<String>> out = new HashMap<>();
        for (String path : groupPaths) {
            String[] parts = path.split("/");
            if (parts.length < 3) {
                continue;
            }
            String role = parts[parts.length - 1];
            String committee = parts[parts.length - 2];
            if (committee.matches("\\d{6}") && !role.matches("\\d{6}")) {
                out.computeIfAbsent(committee, k -> new HashSet<>()).add(role);
            }
        }
        return out;
    }

    private static List<String> claimValues(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            array.forEach(v -> values.add(v instanceof JsonString s ? s.getString() : v.toString()));
        } else if (claim instanceof Collection<?> c) {
            c.forEach(v -> values.add(v instanceof JsonString s ? s.getString() : String.valueOf(v)));
        } else if (claim instanceof String s) {
            values.add(s);
        }
        return values;
    }

    private JsonWebToken jwt() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return token;
        }
        throw new io.quarkus.security.UnauthorizedException("no bearer token");
    }
}
