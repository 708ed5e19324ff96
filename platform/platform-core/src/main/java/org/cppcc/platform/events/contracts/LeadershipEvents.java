package org.cppcc.platform.events.contracts;

import java.util.List;

/**
 * Who may supervise (督办) a committee's key proposals, on members.events keyed by committee: each event is the
 * whole current list, so a consumer replaces what it had and a redelivered or reordered snapshot of the same
 * list changes nothing.
 */
public final class LeadershipEvents {

    private LeadershipEvents() {
    }

    /** The committee's leaders (主席, 副主席): the holders of its leader role. */
    public record LeadersChanged(List<Leader> leaders) {
        public record Leader(String userId, String username, String name) {
        }
    }

    /** The committee's special committees (专门委员会), as its registry lists them. */
    public record SpecialCommitteesChanged(List<String> names) {
    }
}
