package org.cppcc.members.accounts;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.cppcc.members.committees.CommitteeService.RoleGroupsDue;
import org.cppcc.platform.tenancy.CommitteeDirectory;
import org.cppcc.platform.tenancy.Roles;

import java.util.List;

/**
 * Onboarding a committee makes its Keycloak role groups (member and every staff role) right after the
 * registration commits. If Keycloak does not answer, nothing is lost: a group is also made when a role in it is
 * first granted.
 */
@ApplicationScoped
public class CommitteeRoleGroups {

    static final List<String> ROLES = List.of(Roles.MEMBER, Roles.PROPOSAL_OFFICE, Roles.CONSULTATION_OFFICE, Roles.HANDLING_UNIT,
            Roles.LEADER, Roles.COMMITTEE_ADMIN);

    private final KeycloakAccounts accounts;
    private final CommitteeDirectory directory;

    public CommitteeRoleGroups(KeycloakAccounts accounts, CommitteeDirectory directory) {
        this.accounts = accounts;
        this.directory = directory;
    }

    void onRegistered(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoleGroupsDue due) {
        try {
            accounts.ensureRoleGroups(directory.path(due.code()), ROLES);
        } catch (RuntimeException e) {
            Log.warnf("role groups of committee %s not made yet (made on the first grant): %s", due.code(), e.getMessage());
        }
    }
}
