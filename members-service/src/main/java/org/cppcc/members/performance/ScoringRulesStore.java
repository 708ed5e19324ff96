package org.cppcc.members.performance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cppcc.platform.time.SqlTime;

import java.time.Clock;
import java.util.List;

/** Each committee's scoring rules (the default until its staff set their own). */
@ApplicationScoped
public class ScoringRulesStore {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    public ScoringRulesStore(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ScoringRules rules(String committee) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select cast(rules as text) from scoring_rules where committee = ?1")
                .setParameter(1, committee).getResultList();
        if (rows.isEmpty()) {
            return ScoringRules.defaults();
        }
        try {
            return json.readValue(rows.get(0), ScoringRules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("scoring rules of committee " + committee + " are unreadable", e);
        }
    }

    @Transactional
    public ScoringRules save(String committee, ScoringRules rules, String by) {
        try {
            em.createNativeQuery("insert into scoring_rules (committee, rules, updated_by, updated_at) values (?1, cast(?2 as jsonb), ?3, ?4) "
                            + "on conflict (committee) do update set rules = excluded.rules, updated_by = excluded.updated_by, "
                            + "updated_at = excluded.updated_at, version = scoring_rules.version + 1")
                    .setParameter(1, committee).setParameter(2, json.writeValueAsString(rules)).setParameter(3, by)
                    .setParameter(4, SqlTime.param(clock.instant())).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return rules;
    }
}
