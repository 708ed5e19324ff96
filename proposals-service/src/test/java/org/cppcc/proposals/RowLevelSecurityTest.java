package org.cppcc.proposals;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.tenancy.CommitteeScope;
import org.cppcc.platform.testkit.PlatformTestResource;
import org.cppcc.proposals.submission.Proposal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import static org.cppcc.proposals.ProposalsTestSupport.as;
import static org.cppcc.proposals.ProposalsTestSupport.proposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tenancy held by the database (ADR 0009): a query that forgets {@code committee = ?} still sees one committee,
 * work outside any committee sees none, a write into another committee is refused, and only work that says it
 * crosses committees sees them all. Every table with a committee column carries the policy.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class RowLevelSecurityTest {

    @Inject
    EntityManager em;

    @Inject
    CommitteeScope scope;

    @BeforeEach
    void twoCommitteesHaveProposals() {
        ProposalsTestSupport.committeesAnnounced();
        as("hp-member").body(proposal("黄埔区的提案")).post("/committees/440112/proposals").then().statusCode(201);
        as("gz-member").body(proposal("广州市的提案")).post("/committees/440100/proposals").then().statusCode(201);
    }

    @Test
    void aQueryWithoutItsCommitteeSeesOnlyTheRequestsCommittee() {
        Set<String> seen = in("440112", () -> new TreeSet<>(QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select distinct committee from proposal", String.class).getResultList())));
        assertEquals(Set.of("440112"), seen);
        long hql = in("440112", () -> QuarkusTransaction.requiringNew().call(() ->
                em.createQuery("select count(p) from Proposal p where p.committee <> '440112'", Long.class).getSingleResult()));
        assertEquals(0, hql, "HQL with the wrong committee by hand finds nothing either");
        int changed = in("440112", () -> QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("update proposal set title = title where committee = '440100'").executeUpdate()));
        assertEquals(0, changed, "another committee's rows cannot be changed: they are not there");
    }

    @Test
    void aWriteIntoAnotherCommitteeIsRefused() {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> in("440112", () -> QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("insert into member_roster (committee, user_id, username, name) values ('440100', ?1, 'intruder', '越权')")
                        .setParameter(1, UUID.randomUUID().toString()).executeUpdate())));
        assertEquals(Problems.DatabaseFailure.OUTSIDE_COMMITTEE, Problems.databaseFailure(refused));
    }

    @Test
    void outsideAnyCommitteeNothingIsSeenUnlessTheWorkSaysItCrosses() {
        long none = in(null, () -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from proposal").getSingleResult()).longValue()));
        assertEquals(0, none);
        Set<String> all = scope.across(() -> new TreeSet<>(QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select distinct committee from proposal", String.class).getResultList())));
        assertTrue(all.containsAll(Set.of("440112", "440100")), "crossing on purpose sees every committee: " + all);
    }

    @Test
    void crossingInsideACommitteesTransactionEndsWithTheCall() {
        List<Long> counts = in("440112", () -> QuarkusTransaction.requiringNew().call(() -> {
            long mine = count();
            long all = scope.across(this::count);
            return List.of(mine, all, count());
        }));
        assertTrue(counts.get(1) > counts.get(0), "across sees more than one committee: " + counts);
        assertEquals(counts.get(0), counts.get(2), "and the transaction is back in its committee after it");
    }

    @Test
    void everyTableWithACommitteeColumnHasThePolicyEvenForItsOwner() {
        List<String> unprotected = scope.across(() -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select c.table_name from information_schema.columns c
                  join pg_class k on k.relname = c.table_name and k.relnamespace = current_schema()::regnamespace
                 where c.table_schema = current_schema() and c.column_name = 'committee' and k.relkind = 'r'
                   and c.table_name <> 'outbox_event'
                   and not (k.relrowsecurity and k.relforcerowsecurity
                            and exists (select 1 from pg_policies p where p.tablename = c.table_name and p.policyname = 'committee_isolation'))
                """, String.class).getResultList()));
        assertEquals(List.of(), unprotected);
        long covered = scope.across(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from pg_policies where policyname = 'committee_isolation' and schemaname = current_schema()")
                .getSingleResult()).longValue()));
        assertTrue(covered >= 15, "proposal, assignment, reply, feedback, … all covered: " + covered);
    }

    private long count() {
        return ((Number) em.createNativeQuery("select count(*) from proposal").getSingleResult()).longValue();
    }

    /** Runs work in a fresh request context acting in a committee (null: none), as a request or a consumer would. */
    private static <T> T in(String committee, Supplier<T> work) {
        var requests = Arc.container().requestContext();
        requests.activate();
        try {
            if (committee != null) {
                Arc.container().instance(CommitteeContext.class).get().enterForEvent(committee);
            }
            return work.get();
        } finally {
            requests.terminate();
        }
    }
}
