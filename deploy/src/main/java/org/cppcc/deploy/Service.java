package org.cppcc.deploy;

/** The four services, with the database each one owns. */
public enum Service {
    MEMBERS("members-service", "members"),
    PROPOSALS("proposals-service", "proposals"),
    CONSULTATION("consultation-service", "consultation"),
    NOTIFICATION("notification-service", "notification");

    private final String module;
    private final String database;

    Service(String module, String database) {
        this.module = module;
        this.database = database;
    }

    public String module() {
        return module;
    }

    /** Where the console's proxy and the cluster's Ingress put its API: /proposals/… for proposals-service. */
    public String prefix() {
        return module.substring(0, module.indexOf('-'));
    }

    public String database() {
        return database;
    }

    public int port(Ports ports) {
        return switch (this) {
            case MEMBERS -> ports.members();
            case PROPOSALS -> ports.proposals();
            case CONSULTATION -> ports.consultation();
            case NOTIFICATION -> ports.notification();
        };
    }
}
