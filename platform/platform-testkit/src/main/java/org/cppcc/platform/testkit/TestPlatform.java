package org.cppcc.platform.testkit;

/** Where the test components listen, for test code (system properties set by {@link PlatformTestResource}). */
public final class TestPlatform {

    static final String KAFKA = "cppcc.test.kafka";
    static final String REALM = "cppcc.test.realm";
    static final String JDBC = "cppcc.test.jdbc";

    private TestPlatform() {
    }

    public static String kafkaBootstrapServers() {
        return required(KAFKA);
    }

    public static String realmUrl() {
        return required(REALM);
    }

    public static String jdbcUrl() {
        return required(JDBC);
    }

    /**
     * A connection to the service's database as the service's role, seeing every committee's rows: a test checking
     * rows directly crosses committees on purpose (row-level security shows a connection that names no committee
     * nothing, ADR 0009).
     */
    public static java.sql.Connection database() throws java.sql.SQLException {
        java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl(), "service", "service");
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("select set_config('cppcc.committee', '*', false)");
        }
        return c;
    }

    private static String required(String key) {
        String v = System.getProperty(key);
        if (v == null) {
            throw new IllegalStateException(key + " is not set: annotate the test with @WithTestResource(PlatformTestResource.class)");
        }
        return v;
    }
}
