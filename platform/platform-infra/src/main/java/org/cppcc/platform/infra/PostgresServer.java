package org.cppcc.platform.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from the binaries in a Maven artifact (zonky), or an external server
 * given by JDBC URL. One server, one database and one login per service.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String adminUser;
    private final String adminPassword;

    private PostgresServer(EmbeddedPostgres embedded, String host, int port, String adminUser, String adminPassword) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** Starts an embedded server keeping its data in dataDir (kept across restarts). */
    public static PostgresServer startEmbedded(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            killStale(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (Files.isDirectory(Path.of("/usr/lib/locale/C.utf8"))) {
                // initdb would take the locale from the environment (an empty one gives C, under which PostgreSQL's
                // text functions see no letters in Chinese): say it. Only a new data directory takes it.
                builder.setLocaleConfig("locale", "C.UTF-8");
            }
            EmbeddedPostgres pg = builder
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on")
                    .start();
            return new PostgresServer(pg, "localhost", port, "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    /** Uses a server that is already running (e.g. a system PostgreSQL) through a superuser login. */
    public static PostgresServer external(String host, int port, String adminUser, String adminPassword) {
        return new PostgresServer(null, host, port, adminUser, adminPassword);
    }

    /** A postmaster left behind by a launcher that was killed would hold the port and the data dir. */
    private static void killStale(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            try {
                ProcessHandle.of(Long.parseLong(first)).ifPresent(h -> {
                    h.destroy();
                    h.onExit().join();
                });
            } catch (NumberFormatException ignored) {
                // not a pid: nothing to stop
            }
            Files.deleteIfExists(pidFile);
        }
    }

    /** Creates (once) a login and a database it owns; returns the JDBC URL. */
    public String ensureDatabase(String name, String user, String password) {
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl("postgres"), adminUser, adminPassword);
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1 from pg_roles where rolname = '" + ident(user) + "'")) {
                if (!rs.next()) {
                    st.execute("create role " + ident(user) + " login password '" + password.replace("'", "''") + "'");
                }
            }
            try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + ident(name) + "'")) {
                if (!rs.next()) {
                    st.execute("create database " + ident(name) + " owner " + ident(user) + " encoding 'UTF8'");
                }
            }
            return jdbcUrl(name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    /** Drops and recreates a database (for tests that want a clean one). */
    public String recreateDatabase(String name, String user, String password) {
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl("postgres"), adminUser, adminPassword);
             Statement st = c.createStatement()) {
            st.execute("drop database if exists " + ident(name) + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop database " + name, e);
        }
        return ensureDatabase(name, user, password);
    }

    private static String ident(String s) {
        if (!s.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain identifier: " + s);
        }
        return s;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
