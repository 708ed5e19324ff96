package org.cppcc.proposals.cultivation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.Topics;
import org.cppcc.platform.events.contracts.CultivationEvents;
import org.cppcc.platform.outbox.Outbox;
import org.cppcc.proposals.lifecycle.StepDone;
import org.cppcc.proposals.submission.Proposal;

import java.util.List;

/**
 * Follows an adopted item as it moves on in the committee that adopted it: after every step on a proposal that
 * came from below, its hop records the state, number, lead units, reply class and the proposer's rating, in
 * the step's transaction. The committees below read these there: they may not read the proposal itself. When
 * the hop came from another deployment (ADR 0012), the same figures travel back as a CultivationProgressed event.
 */
@ApplicationScoped
public class CultivationProgress {

    private final EntityManager em;
    private final Outbox outbox;

    public CultivationProgress(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    void follow(@Observes StepDone step) {
        Proposal p = step.proposal();
        if (p.cultivatedFrom == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> hop = em.createNativeQuery("update cultivation set adopted_status = ?1, adopted_number = ?2, "
                        + "adopted_units = (select string_agg(u.name, '、' order by u.name) from assignment a join handling_unit u on u.id = a.unit_id "
                        + "  where a.proposal_id = ?3 and a.role = 'LEAD' and a.handling_round = ?4), "
                        + "adopted_result = (select r.classification from reply r where r.proposal_id = ?3 order by r.replied_at desc limit 1), "
                        + "adopted_satisfaction = (select f.reply_rating from feedback f where f.proposal_id = ?3 and f.user_id = ?5 "
                        + "  order by f.given_at desc limit 1), "
                        + "updated_at = now() where id = ?6 "
                        + "returning root_id, committee, target_committee, adopted_status, adopted_number, adopted_units, adopted_result, "
                        + "adopted_satisfaction, origin")
                .setParameter(1, p.status.name()).setParameter(2, p.number).setParameter(3, p.id).setParameter(4, Math.max(1, p.handlingRound))
                .setParameter(5, p.authorUserId).setParameter(6, p.cultivatedFrom).getResultList();
        if (hop.isEmpty() || hop.get(0)[8] == null) {
            return; // both ends are here: the committee below reads this very hop
        }
        Object[] h = hop.get(0);
        // news for the recommending committee, in the deployment it came from (keyed by journey, like every cultivation event)
        outbox.publish(Topics.CULTIVATION, EventTypes.CULTIVATION_PROGRESSED, (String) h[1], h[0].toString(),
                new CultivationEvents.Progressed(p.cultivatedFrom.toString(), h[0].toString(), (String) h[1], (String) h[2], (String) h[3],
                        (String) h[4], (String) h[5], h[6] == null ? null : h[6].toString(), (String) h[7]));
    }
}
