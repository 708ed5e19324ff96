package org.cppcc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** pgbench and psql (Debian's postgresql-client) on the platform's own PostgreSQL: the rate of a bare SQL transaction. */
final class Pgbench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    private Pgbench() {
    }

    /** The rate of {@code script} (pgbench variables in {@code vars}) after {@code setup} made the scratch schema "bench". */
    static double tps(int port, String database, String setup, String script, int clients, int seconds, String... vars)
            throws IOException, InterruptedException {
        run(List.of("psql", "-q", "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-f", setup));
        List<String> command = new java.util.ArrayList<>(List.of("pgbench", "-n", "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres",
                "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds), "-f", script));
        for (String v : vars) {
            command.addAll(List.of("-D", v));
        }
        command.add(database);
        String out = run(command);
        psql(port, database, "drop schema bench cascade");
        Matcher m = TPS.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench gave no rate:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    /** One SQL command as the database superuser; its output. */
    static String psql(int port, String database, String sql) throws IOException, InterruptedException {
        return run(List.of("psql", "-q", "-At", "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1",
                "-c", sql)).strip();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
