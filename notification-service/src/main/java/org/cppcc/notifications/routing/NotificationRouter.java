package org.cppcc.notifications.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cppcc.notifications.directory.Directory;
import org.cppcc.notifications.inbox.Notification;
import org.cppcc.notifications.inbox.Notification.AudienceKind;
import org.cppcc.notifications.inbox.Notifications;
import org.cppcc.notifications.reminders.Reminders;
import org.cppcc.platform.events.EventEnvelope;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.contracts.ActivityCancelled;
import org.cppcc.platform.events.contracts.ActivityScheduled;
import org.cppcc.platform.events.contracts.HandlingUnitRegistered;
import org.cppcc.platform.events.contracts.MemberJoined;
import org.cppcc.platform.events.contracts.ProposalSubmitted;
import org.cppcc.platform.inbox.EventProcessor;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.platform.time.ClockProducer;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Routing rules: from each event to its messages and recipients. Recipients come from the event or from
 * this service's own read models (roster, handling units), never from a call to another service.
 */
@ApplicationScoped
public class NotificationRouter {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(ClockProducer.CHINA);
    /** Members hear of a consultation again the day before. */
    static final Duration REMIND_BEFORE = Duration.ofDays(1);

    private final Notifications notifications;
    private final Directory directory;
    private final Reminders reminders;
    private final EventProcessor events;

    public NotificationRouter(Notifications notifications, Directory directory, Reminders reminders, EventProcessor events) {
        this.notifications = notifications;
        this.directory = directory;
        this.reminders = reminders;
        this.events = events;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void route(EventEnvelope event) {
        String c = event.committee();
        switch (event.type()) {
            case EventTypes.PROPOSAL_SUBMITTED -> {
                ProposalSubmitted p = events.data(event, ProposalSubmitted.class);
                String link = "/committees/" + c + "/proposals/" + p.proposalId();
                Map<String, Object> data = Map.of("title", p.title(), "authorName", p.authorName(), "proposalId", p.proposalId());
                send(event, new Message(AudienceKind.ROLE, Notification.roleAudience(c, Roles.PROPOSAL_OFFICE), Category.PROPOSAL_REVIEW, data, link));
                send(event, new Message(AudienceKind.USER, p.authorUserId(), Category.PROPOSAL_RECEIPT, data, link));
            }
            case EventTypes.HANDLING_UNIT_REGISTERED -> {
                HandlingUnitRegistered u = events.data(event, HandlingUnitRegistered.class);
                directory.unitRegistered(c, u);
                send(event, new Message(AudienceKind.UNIT, u.unitId(), Category.UNIT_REGISTERED, Map.of("name", u.name()),
                        "/committees/" + c + "/handling-units"));
            }
            case EventTypes.MEMBER_JOINED -> directory.memberJoined(c, events.data(event, MemberJoined.class));
            case EventTypes.CONSULTATION_ACTIVITY_SCHEDULED -> {
                ActivityScheduled a = events.data(event, ActivityScheduled.class);
                String link = "/committees/" + c + "/activities/" + a.activityId();
                Map<String, Object> data = Map.of("title", a.title(), "when", WHEN.format(a.startsAt()), "location", a.location());
                String members = Notification.roleAudience(c, Roles.MEMBER);
                send(event, new Message(AudienceKind.ROLE, members, Category.CONSULTATION_SCHEDULED, data, link));
                reminders.schedule(c, "activity:" + a.activityId(), a.startsAt().minus(REMIND_BEFORE),
                        new Message(AudienceKind.ROLE, members, Category.CONSULTATION_REMINDER, data, link));
            }
            case EventTypes.CONSULTATION_ACTIVITY_CANCELLED -> {
                ActivityCancelled a = events.data(event, ActivityCancelled.class);
                reminders.cancel("activity:" + a.activityId());
                send(event, new Message(AudienceKind.ROLE, Notification.roleAudience(c, Roles.MEMBER), Category.CONSULTATION_CANCELLED,
                        Map.of("title", a.title(), "reason", a.reason()), "/committees/" + c + "/activities/" + a.activityId()));
            }
            default -> {
                // not something anyone is told about
            }
        }
    }

    private void send(EventEnvelope event, Message m) {
        notifications.create(event.committee(), event.id(), m);
    }
}
