package org.cppcc.notifications.delivery;

import java.util.List;

/**
 * A way out to people: an SMTP server, an SMS gateway, a push provider. Which adapter a channel uses is
 * configuration ({@code cppcc.notify.<channel>.adapter}), so a deployment plugs in its own provider.
 */
public interface ChannelAdapter {

    /**
     * What is sent: to whom (addresses of one person on this channel), and the rendered texts. The key is the
     * same for every attempt of one delivery: providers that deduplicate by it never deliver one message twice.
     */
    record Outgoing(String key, String userId, List<String> addresses, String title, String body, String link) {
    }

    Channel channel();

    /** The name configuration selects it by. */
    String name();

    /**
     * Sends, or throws if the provider refused or could not be reached (the dispatcher retries).
     *
     * @return the provider's reference for this message, for its delivery receipts (may be null)
     */
    String send(Outgoing message) throws Exception;
}
