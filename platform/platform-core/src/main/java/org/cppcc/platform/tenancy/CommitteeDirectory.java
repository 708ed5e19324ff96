package org.cppcc.platform.tenancy;

import io.agroal.api.AgroalDataSource;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.cppcc.platform.events.contracts.CommitteeRegistered;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The committees this service knows (table {@code committee}). Plain JDBC on purpose: it is read by the
 * access filter before a tenant is chosen, so it must not open a tenant-bound Hibernate session.
 * Writes join the caller's JTA transaction (Agroal enlists the connection).
 */
@ApplicationScoped
public class CommitteeDirectory {

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final Map<String, Committee> cache = new ConcurrentHashMap<>();

    public CommitteeDirectory(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    public Optional<Committee> find(String code) {
        Committee cached = cache.get(code);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<Committee> found = query("select code, name, level, parent_code, suspended from committee where code = ?", code);
        found.forEach(c -> cache.put(c.code(), c));
        return found.stream().findFirst();
    }

    /** Codes from the national committee down to this one, e.g. [100000, 440000, 440100, 440112] (the Keycloak group path). */
    public List<String> path(String code) {
        List<String> path = new ArrayList<>();
        for (String c = code; c != null; c = find(c).orElseThrow(() -> new IllegalStateException("unknown committee " + code)).parentCode()) {
            path.add(0, c);
        }
        return path;
    }

    public boolean exists(String code) {
        return find(code).isPresent();
    }

    public List<Committee> all() {
        return query("select code, name, level, parent_code, suspended from committee order by code");
    }

    /** Inserts or updates a committee; call inside the transaction of the event or request that causes it. */
    public void register(CommitteeRegistered c) {
        try (Connection con = dataSource.getConnection();
             // an event without "suspended" (written before suspension existed) leaves the state as it is
            PreparedStatement st = con.prepareStatement("insert into committee (code, name, level, parent_code, suspended, updated_at) "
                     + "values (?, ?, ?, ?, coalesce(?, false), now()) on conflict (code) do update set name = excluded.name, "
                     + "level = excluded.level, parent_code = excluded.parent_code, "
                     + "suspended = coalesce(?, committee.suspended), updated_at = now()")) {
            st.setString(1, c.code());
            st.setString(2, c.name());
            st.setString(3, c.level());
            st.setString(4, c.parentCode());
            st.setObject(5, c.suspended(), java.sql.Types.BOOLEAN);
            st.setObject(6, c.suspended(), java.sql.Types.BOOLEAN);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not register committee " + c.code(), e);
        }
        cache.remove(c.code());
        // a reader between this and the commit (another request, the account job) caches the old row again: forget it once more after
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    cache.remove(c.code());
                }
            });
        }
    }

    private List<Committee> query(String sql, String... args) {
        try (Connection con = dataSource.getConnection(); PreparedStatement st = con.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setString(i + 1, args[i]);
            }
            List<Committee> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Committee(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read committees", e);
        }
    }
}
