package org.cppcc.members.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import org.cppcc.platform.problem.ProblemException;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeDirectory;

import java.util.List;
import java.util.Optional;

/**
 * Whose accounts a committee may take on. A committee administrator creates new accounts, and links an
 * existing one only if it holds nothing outside their committee: no group elsewhere, no realm role of its own,
 * and not disabled (reviving an account is an operator's decision). Anything else needs a platform
 * administrator. Checked before the registry changes, so a refusal (403) changes nothing anywhere.
 */
@ApplicationScoped
public class AccountOwnership {

    private final KeycloakAccounts accounts;
    private final CommitteeDirectory directory;
    private final Caller caller;

    public AccountOwnership(KeycloakAccounts accounts, CommitteeDirectory directory, Caller caller) {
        this.accounts = accounts;
        this.directory = directory;
        this.caller = caller;
    }

    /**
     * Throws 403 if the caller may not attach this person's existing account to the committee. When Keycloak
     * cannot tell: 503 if an account id was given; for a username alone, false — the member may be stored and the
     * sync applies the rule before it links anything ({@link #refusal}).
     */
    public boolean checkMayLink(String committeeCode, String userId, String username) {
        if (caller.platformAdmin()) {
            return true;
        }
        Optional<KeycloakAccounts.Existing> found;
        try {
            found = accounts.existing(userId, username);
        } catch (RuntimeException e) {
            if (userId == null) {
                return false;
            }
            throw new ProblemException(503, "unavailable", "服务暂不可用 / Service unavailable",
                    "the account service cannot be asked now whether '" + username + "' belongs to someone else; nothing was changed; try again shortly");
        }
        if (found.isEmpty()) {
            if (userId != null) {
                throw Problems.badRequest("no account has the id " + userId);
            }
            return true; // a new account, made by the sync
        }
        refusal(committeeCode, found.get()).ifPresent(reason -> {
            throw Problems.forbidden(reason);
        });
        return true;
    }

    /** Why a committee administrator may not link this existing account to the committee; empty if they may. */
    public Optional<String> refusal(String committeeCode, KeycloakAccounts.Existing a) {
        String prefix = "/" + String.join("/", directory.path(committeeCode)) + "/";
        List<String> outside = a.groups().stream().filter(g -> !g.startsWith(prefix)).toList();
        if (!a.enabled() || !outside.isEmpty() || !a.realmRoles().isEmpty()) {
            return Optional.of("the account '" + a.username() + "' already exists and "
                    + (!a.enabled() ? "is disabled" : "holds roles outside committee " + committeeCode)
                    + ": only a platform administrator may link it");
        }
        return Optional.empty();
    }
}
