package org.cppcc.members.accounts;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.cppcc.members.roster.Member;
import org.cppcc.members.roster.RosterEventsPublisher;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.tenancy.CommitteeDirectory;
import org.cppcc.platform.tenancy.Roles;

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
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "account-sync"));

    public AccountSync(EntityManager em, KeycloakAccounts accounts, CommitteeDirectory directory, CommitteeContext committee,
                       RosterEventsPublisher roster, Clock clock) {
        this.em = em;
        this.accounts = accounts;
        this.directory = directory;
        this.committee = committee;
        this.roster = roster;
        this.clock = clock;
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountDue due) {
        worker.submit(this::syncPending);
    }

    /** Runs a pass on the sync worker (never on a request's thread, whose context belongs to one committee). */
    public Outcome onWorker(java.util.concurrent.Callable<Outcome> pass) {
        try {
            return worker.submit(pass).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Applies every pending membership (one at a time: the worker and the job never race on an account). */
    @Scheduled(every = "${cppcc.accounts.retry-every:30s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized Outcome syncPending() {
        return syncAll(QuarkusTransaction.requiringNew().call(() -> pending("where account_state = 'PENDING'")));
    }

    /** Checks every member against Keycloak, repairing what drifted. */
    @Scheduled(every = "${cppcc.accounts.reconcile-every:6h}", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized Outcome reconcileAll() {
        return syncAll(QuarkusTransaction.requiringNew().call(() -> pending("")));
    }

    private Outcome syncAll(List<Object[]> members) {
        int synced = 0;
        int failed = 0;
        for (Object[] m : members) {
            if (sync((UUID) m[0], (String) m[1])) {
                synced++;
            } else {
                failed++;
            }
        }
        return new Outcome(members.size(), synced, failed);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> pending(String where) {
        return em.createNativeQuery("select id, committee from member " + where + " order by id").getResultList();
    }

    /** Applies one membership to Keycloak; true when Keycloak now reflects it. */
    @ActivateRequestContext
    boolean sync(UUID memberId, String committeeCode) {
        committee.enterForEvent(committeeCode);
        Member m = QuarkusTransaction.requiringNew().call(() -> em.find(Member.class, memberId));
        if (m == null) {
            return true;
        }
        List<String> path = committeePath(committeeCode);
        try {
            String userId = m.userId;
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

    private void synced(UUID memberId, long seenVersion, String userId) {
        Member m = em.find(Member.class, memberId);
        if (m.userId == null && userId != null) {
            m.userId = userId;
            roster.joined(m); // other services learn the member once they have an identity
        }
        // changed again while Keycloak was being called: stay pending so the next pass applies that too
        if (m.version == seenVersion) {
            m.accountState = Member.ACCOUNT_SYNCED;
            m.accountError = null;
            m.accountSyncedAt = clock.instant();
        }
    }

    private void failed(UUID memberId, RuntimeException e) {
        Member m = em.find(Member.class, memberId);
        m.accountState = Member.ACCOUNT_PENDING;
        String msg = String.valueOf(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        m.accountError = msg.length() > 500 ? msg.substring(0, 500) : msg;
    }

    private boolean activeElsewhere(String userId, UUID except) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from member where user_id = ?1 and status = 'ACTIVE' and id <> ?2")
                .setParameter(1, userId).setParameter(2, except).getSingleResult()).longValue() > 0);
    }

    /** Group names from the national committee down to this one, e.g. [100000, 440000, 440100, 440112]. */
    private List<String> committeePath(String code) {
        List<String> path = new ArrayList<>();
        for (String c = code; c != null; c = directory.find(c).orElseThrow().parentCode()) {
            path.add(0, c);
        }
        return path;
    }
}
