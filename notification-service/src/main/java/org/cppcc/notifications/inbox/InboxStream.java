package org.cppcc.notifications.inbox;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.cppcc.notifications.inbox.InboxService.NotificationView;
import org.cppcc.notifications.inbox.Notification.AudienceKind;
import java.util.concurrent.Flow.Processor;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live inbox (server-sent events) of this instance: new notifications go to the connections of those
 * they are addressed to. Each connection has its own bounded buffer: when a client reads so slowly that its
 * buffer fills, nothing more is kept for it, and once it has read what is buffered its connection ends (it
 * reconnects with Last-Event-ID and catches up from the inbox). It never holds up anyone else's.
 */
@ApplicationScoped
public class InboxStream {

    /** Items a connection may have waiting to be written before it is closed as too slow. */
    static final int BUFFER = 512;

    /** A committed notification and whom it is for. */
    public record Item(AudienceKind kind, String audience, NotificationView view) {
        String key() {
            return kind.name() + ":" + audience;
        }
    }

    private record Subscriber(Set<String> audienceKeys, Processor<NotificationView, NotificationView> processor) {
    }

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

    /** Hands a committed notification to the connections it is addressed to (never blocks on a slow one). */
    public void publish(Item item) {
        for (Subscriber s : subscribers) {
            if (s.audienceKeys().contains(item.key())) {
                s.processor().onNext(item.view());
            }
        }
    }

    /**
     * The items addressed to one of these audience keys ("USER:…", "ROLE:440112/member", "UNIT:…"), from this
     * call on: the connection is registered at once, so nothing committed after it is missed even before the
     * client starts reading; what was committed before is the inbox's to replay.
     */
    public Multi<NotificationView> subscribe(Set<String> audienceKeys) {
        Subscriber[] self = new Subscriber[1];
        // a full buffer fails this connection alone (BackPressureFailure); termination unregisters it
        UnicastProcessor<NotificationView> unicast = UnicastProcessor.create(new ArrayBlockingQueue<>(BUFFER),
                () -> subscribers.remove(self[0]));
        self[0] = new Subscriber(audienceKeys, unicast.serialized());
        subscribers.add(self[0]);
        return unicast;
    }

    /** Open connections on this instance (for operators, and for tests to know a client is listening). */
    public int connections() {
        return subscribers.size();
    }
}
