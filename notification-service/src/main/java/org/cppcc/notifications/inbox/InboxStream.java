package org.cppcc.notifications.inbox;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.cppcc.notifications.inbox.InboxService.NotificationView;
import org.cppcc.notifications.inbox.Notification.AudienceKind;

import java.util.Set;

/**
 * The live inbox (server-sent events) of this instance: new notifications go to the connections of those
 * they are addressed to. A client that reconnects lists its inbox to catch up on what it missed.
 */
@ApplicationScoped
public class InboxStream {

    /** A committed notification and whom it is for. */
    public record Item(AudienceKind kind, String audience, NotificationView view) {
    }

    private final BroadcastProcessor<Item> processor = BroadcastProcessor.create();

    void publish(Item item) {
        processor.onNext(item);
    }

    /** The items addressed to one of these audience keys ("USER:…", "ROLE:440112/member", "UNIT:…"). */
    public Multi<NotificationView> subscribe(Set<String> audienceKeys) {
        return processor.filter(i -> audienceKeys.contains(i.kind().name() + ":" + i.audience())).map(Item::view);
    }
}
