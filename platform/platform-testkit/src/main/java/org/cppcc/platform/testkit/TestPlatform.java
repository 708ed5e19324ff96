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

    private static String required(String key) {
        String v = System.getProperty(key);
        if (v == null) {
            throw new IllegalStateException(key + " is not set: annotate the test with @WithTestResource(PlatformTestResource.class)");
        }
        return v;
    }
}
