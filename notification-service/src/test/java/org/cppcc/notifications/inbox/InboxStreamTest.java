package org.cppcc.notifications.inbox;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import org.cppcc.notifications.inbox.InboxService.NotificationView;
import org.cppcc.notifications.inbox.Notification.AudienceKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One slow connection fills its own buffer and is closed; the others get every item. */
class InboxStreamTest {

    static InboxStream.Item item(int i) {
        return new InboxStream.Item(AudienceKind.ROLE, "440112/proposal-office",
                new NotificationView("n" + i, "440112", "PROPOSAL", "新提案待审查", "正文", "/x", Instant.EPOCH, false));
    }

    @Test
    void aSlowReaderLosesOnlyItsOwnConnection() {
        InboxStream stream = new InboxStream();
        Set<String> office = Set.of("ROLE:440112/proposal-office");
        AssertSubscriber<NotificationView> slow = stream.subscribe(office).subscribe().withSubscriber(AssertSubscriber.create(0));
        AssertSubscriber<NotificationView> reader = stream.subscribe(office).subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        AssertSubscriber<NotificationView> other = stream.subscribe(Set.of("ROLE:440100/proposal-office"))
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        int burst = InboxStream.BUFFER + 100;
        for (int i = 0; i < burst; i++) {
            stream.publish(item(i));
        }
        assertEquals(burst, reader.getItems().size(), "the reader got the whole burst");
        assertTrue(other.getItems().isEmpty(), "nothing for another committee's office");
        // the slow one kept only its buffer; when it reads on, it gets that and then the end of its connection
        slow.request(Long.MAX_VALUE);
        assertEquals(InboxStream.BUFFER, slow.getItems().size());
        slow.assertFailedWith(BackPressureFailure.class);
        assertEquals(2, stream.connections(), "the slow connection is gone, the others stay");
    }

    @Test
    void itemsCommittedBeforeTheClientReadsAreKept() {
        InboxStream stream = new InboxStream();
        var feed = stream.subscribe(Set.of("ROLE:440112/proposal-office"));
        stream.publish(item(1));
        AssertSubscriber<NotificationView> late = feed.subscribe().withSubscriber(AssertSubscriber.create(10));
        assertEquals(1, late.getItems().size());
    }
}
