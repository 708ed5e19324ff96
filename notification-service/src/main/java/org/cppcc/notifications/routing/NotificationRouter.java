package org.cppcc.notifications.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cppcc.notifications.inbox.Notification;
import org.cppcc.notifications.inbox.Notification.AudienceKind;
import org.cppcc.platform.events.EventEnvelope;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.contracts.ActivityScheduled;
import org.cppcc.platform.events.contracts.ProposalSubmitted;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.inbox.EventProcessor;
import org.cppcc.platform.tenancy.Roles;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Routing rules: from an event to the messages and their recipients. Recipients come from the event
 * itself or are committee roles, so no other service is called on this path.
 */
@ApplicationScoped
public class NotificationRouter {

    /** Committees work in China Standard Time; dates in message texts are shown in it. */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    /** A message to one audience, before it is stored. */
    record Message(AudienceKind kind, String audience, String category, String title, String body, String link) {
    }

    private final EntityManager em;
    private final EventProcessor events;

    public NotificationRouter(EntityManager em, EventProcessor events) {
        this.em = em;
        this.events = events;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void route(EventEnvelope event) {
        for (Message m : messagesFor(event)) {
            store(event, m);
        }
    }

    List<Message> messagesFor(EventEnvelope event) {
        String committee = event.committee();
        return switch (event.type()) {
            case EventTypes.PROPOSAL_SUBMITTED -> {
                ProposalSubmitted p = events.data(event, ProposalSubmitted.class);
                String link = "/committees/" + committee + "/proposals/" + p.proposalId();
                yield List.of(
                        new Message(AudienceKind.ROLE, Notification.roleAudience(committee, Roles.PROPOSAL_OFFICE), "proposal.review",
                                "新提案待审查", p.authorName() + " 提交了提案《" + p.title() + "》，请及时审查。", link),
                        new Message(AudienceKind.USER, p.authorUserId(), "proposal.receipt",
                                "提案已提交", "您的提案《" + p.title() + "》已提交，等待提案委员会审查。", link));
            }
            case EventTypes.CONSULTATION_ACTIVITY_SCHEDULED -> {
                ActivityScheduled a = events.data(event, ActivityScheduled.class);
                yield List.of(new Message(AudienceKind.ROLE, Notification.roleAudience(committee, Roles.MEMBER), "consultation.scheduled",
                        "协商活动通知", "《" + a.title() + "》将于 " + WHEN.format(a.startsAt()) + " 在" + a.location() + "举行。",
                        "/committees/" + committee + "/activities/" + a.activityId()));
            }
            default -> List.of();
        };
    }

    private void store(EventEnvelope event, Message m) {
        em.createNativeQuery("insert into notification (id, committee, audience_kind, audience, category, title, body, link, event_id, created_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) on conflict (event_id, audience_kind, audience) do nothing")
                .setParameter(1, Ids.newId())
                .setParameter(2, event.committee())
                .setParameter(3, m.kind().name())
                .setParameter(4, m.audience())
                .setParameter(5, m.category())
                .setParameter(6, m.title())
                .setParameter(7, m.body())
                .setParameter(8, m.link())
                .setParameter(9, event.id())
                .setParameter(10, java.time.OffsetDateTime.ofInstant(Instant.now(), java.time.ZoneOffset.UTC))
                .executeUpdate();
    }
}
