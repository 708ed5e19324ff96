package org.cppcc.proposals.cultivation;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cppcc.platform.events.EventEnvelope;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.Topics;
import org.cppcc.platform.events.contracts.CultivationEvents;
import org.cppcc.platform.inbox.EventProcessor;
import org.cppcc.platform.tenancy.ParentDeployment;
import org.cppcc.platform.time.SqlTime;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.util.UUID;

/**
 * 四级联动 between deployments (ADR 0012). MirrorMaker 2 replicates each deployment's cultivation.events into
 * the other's broker as {@code <alias>.cultivation.events}; this consumer reads them all and keeps this side's
 * copy of each hop that crosses: a recommendation into a committee hosted here becomes a hop in its queue; the
 * decision and the progress of a hop decided in the other deployment update ours. Events of hops whose both ends
 * are here change nothing (their hop was written by the request itself), and a redelivered event has no second
 * effect (the inbox, and each statement's own condition).
 */
@ApplicationScoped
public class CultivationAcrossDeployments {

    private final EventProcessor events;
    private final ParentDeployment deployment;
    private final EntityManager em;

    public CultivationAcrossDeployments(EventProcessor events, ParentDeployment deployment, EntityManager em) {
        this.events = events;
        this.deployment = deployment;
        this.em = em;
    }

    @Incoming("cultivation")
    @Blocking
    public void onCultivation(ConsumerRecord<String, String> record) {
        String origin = Topics.peerOf(record.topic()).orElse(null);
        events.handle("proposals-service.cultivation", record.value(), event -> apply(event, origin));
    }

    void apply(EventEnvelope event, String origin) {
        switch (event.type()) {
            case EventTypes.CULTIVATION_RECOMMENDED -> received(events.data(event, CultivationEvents.Recommended.class), event.time(), origin);
            case EventTypes.CULTIVATION_ADOPTED -> {
                CultivationEvents.Adopted a = events.data(event, CultivationEvents.Adopted.class);
                if (decidedElsewhere(a.toCommittee())) {
                    em.createNativeQuery("update cultivation set status = 'ADOPTED', decided_by = ?1, decided_at = ?2, adopted_proposal_id = ?3, "
                                    + "adopted_as = ?4, adopted_author_name = ?5, adopted_status = coalesce(adopted_status, 'SUBMITTED'), "
                                    + "target_name = coalesce(?6, target_name), updated_at = now(), version = version + 1 "
                                    + "where id = ?7 and status = 'RECOMMENDED'")
                            .setParameter(1, a.decidedBy()).setParameter(2, SqlTime.param(event.time())).setParameter(3, UUID.fromString(a.proposalId()))
                            .setParameter(4, a.adoptedAs()).setParameter(5, a.adoptedAuthorName()).setParameter(6, a.toName())
                            .setParameter(7, UUID.fromString(a.hopId())).executeUpdate();
                }
            }
            case EventTypes.CULTIVATION_DECLINED -> {
                CultivationEvents.Declined d = events.data(event, CultivationEvents.Declined.class);
                if (decidedElsewhere(d.toCommittee())) {
                    em.createNativeQuery("update cultivation set status = 'DECLINED', decided_by = ?1, decided_at = ?2, decline_reason = ?3, "
                                    + "target_name = coalesce(?4, target_name), updated_at = now(), version = version + 1 "
                                    + "where id = ?5 and status = 'RECOMMENDED'")
                            .setParameter(1, d.decidedBy()).setParameter(2, SqlTime.param(event.time())).setParameter(3, d.reason())
                            .setParameter(4, d.toName()).setParameter(5, UUID.fromString(d.hopId())).executeUpdate();
                }
            }
            case EventTypes.CULTIVATION_PROGRESSED -> {
                CultivationEvents.Progressed p = events.data(event, CultivationEvents.Progressed.class);
                if (decidedElsewhere(p.toCommittee())) {
                    em.createNativeQuery("update cultivation set adopted_status = ?1, adopted_number = ?2, adopted_units = ?3, adopted_result = ?4, "
                                    + "adopted_satisfaction = ?5, updated_at = now() where id = ?6")
                            .setParameter(1, p.status()).setParameter(2, p.number()).setParameter(3, p.units()).setParameter(4, p.result())
                            .setParameter(5, p.satisfaction()).setParameter(6, UUID.fromString(p.hopId())).executeUpdate();
                }
            }
            default -> {
                // nothing else travels on cultivation.events
            }
        }
    }

    /** A hop into a committee hosted here, from a committee of another deployment: it joins that committee's queue. */
    private void received(CultivationEvents.Recommended r, Instant at, String origin) {
        if (!deployment.hosts(r.toCommittee()) || r.journey() == null) {
            return; // news for the parent deployment, or a hop both of whose ends are here (already written)
        }
        // the event's committee is the receiving one (the consumer's scope): the row-level policy admits the insert
        em.createNativeQuery("insert into cultivation (id, root_id, committee, target_committee, journey, source_kind, source_id, "
                        + "source_number, title, body, author_user_id, author_name, note, status, recommended_by, recommended_at, updated_at, "
                        + "committee_name, target_name, origin) values (?1, ?2, ?3, ?4, cast(?5 as varchar(6)[]), ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                        + "?13, 'RECOMMENDED', ?14, ?15, now(), ?16, ?17, ?18) on conflict do nothing")
                .setParameter(1, UUID.fromString(r.hopId())).setParameter(2, UUID.fromString(r.rootId())).setParameter(3, r.fromCommittee())
                .setParameter(4, r.toCommittee()).setParameter(5, "{" + String.join(",", r.journey()) + "}").setParameter(6, r.kind())
                .setParameter(7, UUID.fromString(r.sourceId())).setParameter(8, r.sourceNumber()).setParameter(9, r.title())
                .setParameter(10, r.body() == null ? "" : r.body()).setParameter(11, r.authorUserId()).setParameter(12, r.authorName())
                .setParameter(13, r.note()).setParameter(14, r.recommendedBy() == null ? "" : r.recommendedBy())
                .setParameter(15, SqlTime.param(at)).setParameter(16, r.fromName()).setParameter(17, r.toName())
                .setParameter(18, origin).executeUpdate();
    }

    /** A hop whose deciding committee is not hosted here: its decision and progress reach us only as events. */
    private boolean decidedElsewhere(String toCommittee) {
        return !deployment.hosts(toCommittee);
    }
}
