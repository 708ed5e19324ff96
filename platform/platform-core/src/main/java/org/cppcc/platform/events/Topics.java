package org.cppcc.platform.events;

/** One topic per owning service, keyed by aggregate id so that each aggregate's events stay in order. */
public final class Topics {

    public static final String MEMBERS = "members.events";
    public static final String PROPOSALS = "proposals.events";
    public static final String CONSULTATIONS = "consultations.events";
    /**
     * 四级联动: items carried between committee levels (proposals-service), keyed by journey. Its own topic because
     * it is the one that crosses deployments (a province's and the national one): it carries only what the
     * receiving level may see.
     */
    public static final String CULTIVATION = "cultivation.events";
    /** The deployment a replicated cultivation topic came from ("gx" for gx.cultivation.events); empty for ours or a replay. */
    public static java.util.Optional<String> peerOf(String topic) {
        if (topic == null || CULTIVATION.equals(topic) || topic.startsWith("replay.") || !topic.endsWith("." + CULTIVATION)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(topic.substring(0, topic.length() - CULTIVATION.length() - 1));
    }

    private Topics() {
    }

    /** Dead-letter topic of one consumer of one topic: {@code dlq.<service>.<topic>}. */
    public static String deadLetter(String service, String topic) {
        return "dlq." + service + "." + topic;
    }
}
