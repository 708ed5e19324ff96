package org.cppcc.platform.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import org.cppcc.platform.security.Caller;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 上级政协的监督 (supervision from above), the whole rule in one place. Staff of a committee — its proposal and
 * consultation offices, leaders and administrators — read what an endpoint marked {@link SupervisedFromAbove}
 * shows of any committee below theirs, at any depth: statistics, supervision lists, cultivated items. Only
 * reads, only those endpoints: a lower committee's drafts, unpublished proposals and members' personal data
 * stay its own, and a sibling (深圳市 for 广州市) or a committee below supervises nothing.
 */
@ApplicationScoped
public class SupervisionFromAbove {

    /** The roles in a committee above that supervise; members and handling-unit officers do not. */
    public static final Set<String> SUPERVISING_ROLES = Set.of(Roles.PROPOSAL_OFFICE, Roles.CONSULTATION_OFFICE, Roles.LEADER,
            Roles.COMMITTEE_ADMIN);

    private final CommitteeDirectory committees;

    public SupervisionFromAbove(CommitteeDirectory committees) {
        this.committees = committees;
    }

    /** The nearest committee above {@code code} where the caller holds a supervising role; empty if there is none. */
    public Optional<String> supervisingCommittee(Caller caller, String code) {
        List<String> path = committees.path(code); // from the national committee down to code
        for (int i = path.size() - 2; i >= 0; i--) {
            if (caller.rolesIn(path.get(i)).stream().anyMatch(SUPERVISING_ROLES::contains)) {
                return Optional.of(path.get(i));
            }
        }
        return Optional.empty();
    }
}
