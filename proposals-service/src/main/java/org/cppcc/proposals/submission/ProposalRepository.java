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

    public List<Proposal> page(PageRequest page, String authorUserId) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (authorUserId != null) {
            q.append(" and authorUserId = :author");
            p.and("author", authorUserId);
        }
        if (page.after() != null) {
            q.append(" and id < :after");
            p.and("after", page.after());
        }
        return find(q + " order by id desc", p).range(0, page.fetchSize() - 1).list();
    }
}
