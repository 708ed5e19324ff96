package org.cppcc.members.accounts;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.cppcc.members.roster.Member;
import org.cppcc.members.roster.RosterEventsPublisher;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.tenancy.CommitteeScope;
import org.cppcc.platform.tenancy.CommitteeDirectory;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.platform.time.SqlTime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Keeps Keycloak in step with the registry. The registry is the truth: a roster change is saved (and its
 * member marked PENDING) whether or not Keycloak answers; right after the commit this applies it, and a
 * retry job applies whatever is still pending (e.g. Keycloak was down). A slower reconciliation checks
 * every member against Keycloak and repairs drift made there by hand.
 */
@ApplicationScoped
public class AccountSync {

    /** Fired inside a transaction that changed a membership; acted on only if it commits. */
    public record AccountDue(UUID memberId) {
    }

    public record Outcome(int checked, int synced, int failed) {
    }

    private final EntityManager em;
    private final KeycloakAccounts accounts;
    private final CommitteeDirectory directory;
    private final CommitteeContext committee;
    private final RosterEventsPublisher roster;
    private final Clock clock;
    private final CommitteeScope scope;
    private final AccountOwnership ownership;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "account-sync"));

    public AccountSync(EntityManager em, KeycloakAccounts accounts, CommitteeDirectory directory, CommitteeContext committee,
                       RosterEventsPublisher roster, Clock clock, CommitteeScope scope, AccountOwnership ownership) {
        this.scope = scope;
        this.ownership = ownership;
        this.em = em;
        this.accounts = accounts;
        this.directory = directory;
        this.committee = committee;
        this.roster = roster;
        this.clock = clock;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountDue due) {
        worker.submit(this::syncPending);
    }

    /** Applies every pending membership change now (the schedule below does it every 30 s by default). */
    public Outcome syncPendingNow() {
        return onWorker(this::syncPending);
    }

    /** Checks every member against Keycloak now (the schedule below does it every 6 h by default). */
    public Outcome reconcileNow() {
        return onWorker(this::reconcileAll);
    }

    @Scheduled(every = "${cppcc.accounts.retry-every:30s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryPending() {
        syncPendingNow();
    }

    @Scheduled(every = "${cppcc.accounts.reconcile-every:6h}", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcileOnSchedule() {
        reconcileNow();
    }

    /** Runs a pass on the sync worker (never on a request's or the scheduler's thread, whose context is not ours). */
    private Outcome onWorker(java.util.concurrent.Callable<Outcome> pass) {
        try {
            return worker.submit(pass).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Applies every pending membership. Passes run only on the single worker thread (see {@link #onWorker}),
     * so two passes never race on one account, and each member is handled in a request context of its own committee.
     */
    private Outcome syncPending() {
        return syncAll(scope.across(() -> QuarkusTransaction.requiringNew().call(() -> pending("where account_state = 'PENDING'"))));
    }

    /** Checks every member against Keycloak, repairing what drifted. */
    private Outcome reconcileAll() {
        return syncAll(scope.across(() -> QuarkusTransaction.requiringNew().call(() -> pending(""))));
    }

    /** Runs work in a fresh request context, acting in the given committee. */
    private <T> T inContext(String committeeCode, java.util.function.Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            committee.enterForEvent(committeeCode);
            return work.get();
        } finally {
            requestContext.terminate();
        }
    }

    private Outcome syncAll(List<Object[]> members) {
        long started = System.nanoTime();
        int synced = 0;
        int failed = 0;
        for (Object[] m : members) {
            if (inContext((String) m[1], () -> sync((UUID) m[0], (String) m[1]))) {
                synced++;
            } else {
                failed++;
            }
        }
        if (!members.isEmpty()) {
            Log.infof("account sync: %d checked, %d in step with Keycloak, %d failed (%d ms)", members.size(), synced, failed,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return new Outcome(members.size(), synced, failed);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> pending(String where) {
        return em.createNativeQuery("select id, committee from member " + where + " order by id").getResultList();
    }

    /** Applies one membership to Keycloak; true when Keycloak now reflects it. */
    private boolean sync(UUID memberId, String committeeCode) {
        Member m = QuarkusTransaction.requiringNew().call(() -> em.find(Member.class, memberId));
        if (m == null) {
            return true;
        }
        List<String> path = directory.path(committeeCode);
        try {
            String userId = m.userId;
            if (m.active() && m.accountCheckDeferred && m.userId == null) {
                // added while Keycloak could not answer: the ownership rule, before anything is linked
                java.util.Optional<String> refused = accounts.existing(null, m.username).flatMap(a -> ownership.refusal(committeeCode, a));
                if (refused.isPresent()) {
                    QuarkusTransaction.requiringNew().run(() -> rejected(memberId, refused.get()));
                    return true;
                }
            }
            if (m.active()) {
                userId = accounts.ensureUser(new KeycloakAccounts.Person(m.userId, m.username, m.name, m.email));
                accounts.grant(userId, path, Roles.MEMBER);
            } else if (userId != null && accounts.user(userId).isPresent()) {
                accounts.revoke(userId, path, Roles.MEMBER, !activeElsewhere(userId, memberId));
            }
            String linked = userId;
            QuarkusTransaction.requiringNew().run(() -> synced(memberId, m.version, linked));
            return true;
        } catch (RuntimeException e) {
            Log.warnf("Keycloak account of member %s (%s) not synced yet: %s", m.username, committeeCode, e.toString());
            QuarkusTransaction.requiringNew().run(() -> failed(memberId, e));
            return false;
        }
    }

    /**
     * Records that Keycloak now reflects the member. Written with SQL beside the entity, without a new version:
     * the version is the profile's, which staff hold for If-Match, and account bookkeeping must not make their
     * edit look stale. If the profile changed since this pass read it, it stays PENDING for the next pass.
     */
    private void synced(UUID memberId, long seenVersion, String userId) {
        Member m = em.find(Member.class, memberId);
        em.detach(m);
        if (m.userId == null && userId != null && em.createNativeQuery("update member set user_id = ?1 where id = ?2 and user_id is null")
                .setParameter(1, userId).setParameter(2, memberId).executeUpdate() == 1) {
            m.userId = userId;
            roster.joined(m); // other services learn the member once they have an identity
        }
        em.createNativeQuery("update member set account_state = 'SYNCED', account_error = null, account_synced_at = ?1 "
                        + "where id = ?2 and version = ?3")
                .setParameter(1, SqlTime.param(clock.instant())).setParameter(2, memberId).setParameter(3, seenVersion).executeUpdate();
    }

    private void rejected(UUID memberId, String reason) {
        Log.warnf("account of member %s not linked: %s", memberId, reason);
        em.createNativeQuery("update member set account_state = 'REJECTED', account_error = ?1 where id = ?2")
                .setParameter(1, reason).setParameter(2, memberId).executeUpdate();
    }

    private void failed(UUID memberId, RuntimeException e) {
        String msg = String.valueOf(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        em.createNativeQuery("update member set account_state = 'PENDING', account_error = ?1 where id = ?2")
                .setParameter(1, msg.length() > 500 ? msg.substring(0, 500) : msg).setParameter(2, memberId).executeUpdate();
    }

    /** Whether the person is an active member of any committee besides this membership: crosses committees on purpose. */
    private boolean activeElsewhere(String userId, UUID except) {
        return scope.across(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from member where user_id = ?1 and status = 'ACTIVE' and id <> ?2")
                .setParameter(1, userId).setParameter(2, except).getSingleResult()).longValue() > 0));
    }
}
