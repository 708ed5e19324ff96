package org.cppcc.members.performance;

import org.cppcc.platform.tenancy.AcrossCommittees;
import io.quarkus.security.Authenticated;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@AcrossCommittees("a member's own 履职 record across the committees they belong to")
@Path("/me/performance")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "duty performance", description = "履职: a member's own record")
public class PerformanceResource {

    public record CommitteeTotal(String committee, long entries) {
    }

    public record MyPerformance(List<CommitteeTotal> totals, Page<Scoreboard.EntryView> entries) {
    }

    private final EntityManager em;
    private final Caller caller;

    private final ScoringRulesStore rules;

    public PerformanceResource(EntityManager em, Caller caller, ScoringRulesStore rules) {
        this.em = em;
        this.caller = caller;
        this.rules = rules;
    }

    @GET
    @Transactional
    @Operation(summary = "My 履职 record across my committees: entries per committee and a page of entries (with the points each "
            + "committee's rules give them), newest first; ?committee= narrows it. Yearly scores: /committees/{code}/members/{id}/performance")
    public MyPerformance mine(@QueryParam("committee") String committee, @QueryParam("cursor") String cursor,
                              @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        var q = em.createQuery("from PerformanceEntry e where e.userId = :u" + (committee != null ? " and e.committee = :c" : "")
                + (page.after() != null ? " and e.id < :after" : "") + " order by e.id desc", PerformanceEntry.class)
                .setParameter("u", caller.userId()).setMaxResults(page.fetchSize());
        if (committee != null) {
            q.setParameter("c", committee);
        }
        if (page.after() != null) {
            q.setParameter("after", page.after());
        }
        Map<String, ScoringRules> byCommittee = new java.util.HashMap<>();
        Page<Scoreboard.EntryView> entries = Page.of(q.getResultList(), page, e -> e.id.toString(),
                e -> Scoreboard.view(e, byCommittee.computeIfAbsent(e.committee, rules::rules)));
        var t = em.createQuery("select e.committee, count(e) from PerformanceEntry e where e.userId = :u"
                + (committee != null ? " and e.committee = :c" : "") + " group by e.committee", Object[].class)
                .setParameter("u", caller.userId());
        if (committee != null) {
            t.setParameter("c", committee);
        }
        Map<String, CommitteeTotal> totals = new TreeMap<>();
        for (Object[] row : t.getResultList()) {
            totals.put((String) row[0], new CommitteeTotal((String) row[0], (Long) row[1]));
        }
        return new MyPerformance(List.copyOf(totals.values()), entries);
    }
}
