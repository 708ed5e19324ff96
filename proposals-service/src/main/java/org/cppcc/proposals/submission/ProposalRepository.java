package org.cppcc.proposals.submission;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.cppcc.platform.paging.PageRequest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries go through HQL, so the committee filter of the current tenant always applies. */
@ApplicationScoped
public class ProposalRepository implements PanacheRepositoryBase<Proposal, UUID> {

    public Optional<Proposal> byId(UUID id) {
        return find("id", id).firstResultOptional();
    }

    /**
     * A page, newest first: by author, or assigned to one of the units (any round), or all; optionally in one
     * status. Drafts only for their author (the viewer).
     */
    public List<Proposal> page(PageRequest page, String authorUserId, List<UUID> assignedToUnits, ProposalStatus status, String viewer) {
        StringBuilder q = new StringBuilder("(status <> :draft or authorUserId = :viewer)");
        Parameters p = Parameters.with("draft", ProposalStatus.DRAFT).and("viewer", viewer);
        if (authorUserId != null) {
            q.append(" and authorUserId = :author");
            p.and("author", authorUserId);
        }
        if (!assignedToUnits.isEmpty()) {
            q.append(" and id in (select a.proposalId from Assignment a where a.unitId in :units)");
            p.and("units", assignedToUnits);
        }
        if (status != null) {
            q.append(" and status = :status");
            p.and("status", status);
        }
        if (page.after() != null) {
            q.append(" and id < :after");
            p.and("after", page.after());
        }
        return find(q + " order by id desc", p).range(0, page.fetchSize() - 1).list();
    }
}
