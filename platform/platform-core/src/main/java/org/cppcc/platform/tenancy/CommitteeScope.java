package org.cppcc.platform.tenancy;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Tenancy enforced by the database as well as by the code (ADR 0009). Every table with a {@code committee}
 * column has a row-level security policy (db/platform/afterMigrate.sql) that shows and accepts only rows
 * of the committees named in the connection's {@code cppcc.committee} setting. This class sets it each time
 * the pool hands out a connection, from the {@link CommitteeContext} of the thread: the request's committee,
 * or nothing. A query that forgets {@code committee = ?} still sees one committee only.
 * <p>
 * Work that crosses committees on purpose (a person's own inbox across their committees, the platform's
 * schedules, operators' endpoints, the check that an account holds nothing elsewhere) says so by running in
 * {@link #across}: the one place to grep for.
 */
@ApplicationScoped
public class CommitteeScope implements AgroalPoolInterceptor {

    public static final String SETTING = "cppcc.committee";
    static final String ALL = "*";
    static final String NONE = "";

    private final TransactionManager transactions;

    public CommitteeScope(TransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        apply(connection, current());
    }

    /** Back in the pool a connection sees nothing, whatever happens at its next hand-out. */
    @Override
    public void onConnectionReturn(Connection connection) {
        try {
            apply(connection, NONE);
        } catch (IllegalStateException e) {
            Log.debugf("committee scope not reset on a returned connection (it is set again at every hand-out): %s", e.getMessage());
        }
    }

    /** Runs work that reads or writes rows of every committee; a request context is made if there is none. */
    public <T> T across(Supplier<T> work) {
        ManagedContext requests = Arc.container().requestContext();
        boolean activated = !requests.isActive();
        if (activated) {
            requests.activate();
        }
        CommitteeContext context = Arc.container().instance(CommitteeContext.class).get();
        context.beginCrossing();
        boolean inTransaction = inTransaction();
        try {
            if (inTransaction) {
                set(ALL); // the transaction's connection was handed out before: change it in place
            }
            return work.get();
        } finally {
            context.endCrossing();
            if (inTransaction && inTransaction()) {
                set(context.databaseScope());
            }
            if (activated) {
                requests.terminate();
            }
        }
    }

    public void across(Runnable work) {
        across(() -> {
            work.run();
            return null;
        });
    }

    private static String current() {
        if (!Arc.container().requestContext().isActive()) {
            return NONE;
        }
        return Arc.container().instance(CommitteeContext.class).get().databaseScope();
    }

    private void set(String scope) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        em.createNativeQuery("select set_config('" + SETTING + "', ?1, false)").setParameter(1, scope).getSingleResult();
    }

    private boolean inTransaction() {
        try {
            return transactions.getStatus() == Status.STATUS_ACTIVE;
        } catch (SystemException e) {
            return false;
        }
    }

    private static void apply(Connection connection, String scope) {
        try (PreparedStatement s = connection.prepareStatement("select set_config('" + SETTING + "', ?, false)")) {
            s.setString(1, scope);
            s.execute();
        } catch (SQLException e) {
            // a connection whose scope is unknown must not be used: the caller sees the database failure
            throw new IllegalStateException(new SQLException("could not set the committee scope: " + e.getMessage(), e.getSQLState(), e));
        }
    }
}
