package org.cppcc.platform.events;

/** One topic per owning service, keyed by aggregate id so that each aggregate's events stay in order. */
public final class Topics {

    public static final String MEMBERS = "members.events";
    public static final String PROPOSALS = "proposals.events";
    public static final String CONSULTATIONS = "consultations.events";

    private Topics() {
    }

    /** Dead-letter topic of one consumer of one topic: {@code dlq.<service>.<topic>}. */
    public static String deadLetter(String service, String topic) {
        return "dlq." + service + "." + topic;
    }
}
