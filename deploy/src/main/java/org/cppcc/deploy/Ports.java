package org.cppcc.deploy;

/** Where each component listens (console: the web console and its API proxy). The launcher's defaults are fixed and documented; tests use free ports. */
public record Ports(int postgres, int kafka, int kafkaController, int keycloak, int members, int proposals, int consultation,
                    int notification, int console) {

    public static Ports documented() {
        return new Ports(15432, 9092, 9093, 8180, 8081, 8082, 8083, 8084, 8080);
    }

    public static Ports free() {
        return new Ports(f(), f(), f(), f(), f(), f(), f(), f(), f());
    }

    private static int f() {
        return org.cppcc.platform.infra.Ports.free();
    }
}
