package org.cppcc.proposals.statistics;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import org.cppcc.platform.tenancy.AcrossCommittees;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Folds the figure deltas the proposals' trigger appends (V15, ADR 0016) into one row per group, so that reading a
 * session's statistics sums a few hundred rows however many steps were taken. The delete and the insert of the sums
 * are one statement in one transaction: a reader sees the rows before or after, never half, and a delta committed
 * meanwhile is not deleted (it was not visible to the delete) and is folded the next time. Two folds of one session
 * at once are safe too: the second deletes only what the first did not, and sums only what it deleted.
 */
@ApplicationScoped
public class SessionFigureFold {

    private final EntityManager em;
    private final int threshold;

    public SessionFigureFold(EntityManager em, @ConfigProperty(name = "cppcc.statistics.fold-threshold", defaultValue = "200") int threshold) {
        this.em = em;
        this.threshold = threshold;
    }

    @Scheduled(every = "${cppcc.statistics.fold-every:15s}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        foldBusySessions(threshold);
    }

    /** Folds every session with at least {@code minimum} unfolded deltas; returns how many sessions. */
    @AcrossCommittees("folds the statistics deltas of every committee's sessions")
    @ActivateRequestContext
    public int foldBusySessions(int minimum) {
        @SuppressWarnings("unchecked")
        List<Object[]> busy = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select committee, term, session from proposal_figure where not folded group by 1, 2, 3 having count(*) >= ?1")
                .setParameter(1, Math.max(1, minimum)).getResultList());
        for (Object[] s : busy) {
            int rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                            with gone as (delete from proposal_figure where committee = ?1 and term = ?2 and session = ?3 returning *)
                            insert into proposal_figure (committee, term, session, status, kind, sector, key_proposal, published, from_below,
                                                         on_clue, tags, n, folded)
                            select committee, term, session, status, kind, sector, key_proposal, published, from_below, on_clue, tags, sum(n), true
                              from gone group by committee, term, session, status, kind, sector, key_proposal, published, from_below, on_clue, tags
                            having sum(n) <> 0""")
                    .setParameter(1, s[0]).setParameter(2, s[1]).setParameter(3, s[2]).executeUpdate());
            Log.debugf("statistics: %s term %s session %s folded into %d groups", s[0], s[1], s[2], rows);
        }
        return busy.size();
    }
}
