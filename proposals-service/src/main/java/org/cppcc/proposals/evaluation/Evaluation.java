package org.cppcc.proposals.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.StreamingOutput;
import org.cppcc.platform.exports.TableWriter;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.contracts.ProposalEvents;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.time.SqlTime;
import org.cppcc.proposals.lifecycle.Action;
import org.cppcc.proposals.lifecycle.ProposalSteps;
import org.cppcc.proposals.lifecycle.Transitions;
import org.cppcc.proposals.review.ProposalSettings;
import org.cppcc.proposals.statistics.ProposalStatistics;
import org.cppcc.proposals.submission.Proposal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * 考评: the session's 优秀提案 — the office nominates registered proposals, then records the award (announced:
 * the author's 履职 counts it) or its refusal — and the ranking of the handling units by the committee's weights
 * over their reply rate, on-time rate, satisfaction rate and share of A replies, from which the committee selects
 * its 优秀承办单位.
 */
@ApplicationScoped
@Transactional
public class Evaluation {

    public enum Decision { NOMINATED, AWARDED, NOT_AWARDED }

    public record Nominate(@NotBlank @Size(max = 2000) String reason) {
    }

    public record Nomination(String id, String proposalId, String number, String title, String authorName, int term, int session,
                             String reason, Decision status, String nominatedBy, Instant nominatedAt, String decidedBy, Instant decidedAt,
                             long version) {
    }

    /** Weights of the ranking, each 0–1, together 1. */
    public record Weights(@NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal replyRate, @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal onTimeRate,
                          @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal satisfaction,
                          @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal aShare) {
    }

    public record RankedUnit(int rank, String unitId, String unitName, BigDecimal score, long lead, BigDecimal replyRate,
                             BigDecimal onTimeRate, BigDecimal satisfactionRate, BigDecimal aShare, boolean excellent) {
    }

    public record Ranking(int term, int session, Weights weights, List<RankedUnit> units) {
    }

    public record SelectUnits(@NotEmpty @Size(max = 100) List<@NotNull UUID> unitIds) {
    }

    static final Weights DEFAULT_WEIGHTS = new Weights(new BigDecimal("0.3"), new BigDecimal("0.3"), new BigDecimal("0.3"), new BigDecimal("0.1"));
    private static final String COLUMNS = "n.id, n.proposal_id, p.number, p.title, coalesce(p.on_behalf_of, p.author_name), n.term, n.session, "
            + "n.reason, n.status, n.nominated_by, n.nominated_at, n.decided_by, n.decided_at, n.version";

    private final EntityManager em;
    private final CommitteeContext committee;
    private final Caller caller;
    private final ProposalSteps steps;
    private final Transitions transitions;
    private final ProposalSettings settings;
    private final ProposalStatistics statistics;
    private final Clock clock;

    public Evaluation(EntityManager em, CommitteeContext committee, Caller caller, ProposalSteps steps, Transitions transitions,
                      ProposalSettings settings, ProposalStatistics statistics, Clock clock) {
        this.em = em;
        this.committee = committee;
        this.caller = caller;
        this.steps = steps;
        this.transitions = transitions;
        this.settings = settings;
        this.statistics = statistics;
        this.clock = clock;
    }

    /** 推荐优秀提案: a registered proposal of this committee, once. */
    public Nomination nominate(UUID proposalId, Nominate n) {
        Proposal p = steps.lock(proposalId);
        if (!Action.MARK_EXCELLENT.from().contains(p.status)) {
            throw Problems.conflict("only a registered proposal is nominated; this one is " + p.status);
        }
        if (count("select count(*) from excellence_nomination where proposal_id = ?1", proposalId) > 0) {
            throw Problems.conflict("this proposal was already nominated");
        }
        UUID id = Ids.newId();
        em.createNativeQuery("insert into excellence_nomination (id, committee, proposal_id, term, session, reason, status, nominated_by, "
                        + "nominated_at) values (?1, ?2, ?3, ?4, ?5, ?6, 'NOMINATED', ?7, ?8)")
                .setParameter(1, id).setParameter(2, committee.code()).setParameter(3, proposalId)
                .setParameter(4, p.term == null ? settings.current().term() : p.term)
                .setParameter(5, p.session == null ? settings.current().session() : p.session).setParameter(6, n.reason().strip())
                .setParameter(7, caller.username()).setParameter(8, SqlTime.param(clock.instant())).executeUpdate();
        return nomination(id);
    }

    /** 评为优秀提案: the award, recorded on the proposal and announced (members-service: PROPOSAL_EXCELLENT for its author). */
    public Nomination award(UUID nominationId, Long expectedVersion) {
        Object[] n = decidable(nominationId, expectedVersion);
        Proposal p = steps.begin((UUID) n[1], Action.MARK_EXCELLENT, null);
        p.excellent = true;
        transitions.record(p, Action.MARK_EXCELLENT, p.status, null);
        steps.publish(EventTypes.PROPOSAL_MARKED_EXCELLENT, p, new ProposalEvents.MarkedExcellent(p.id.toString(), p.title, p.authorUserId));
        steps.done(p);
        decide(nominationId, Decision.AWARDED);
        return nomination(nominationId);
    }

    public Nomination notAwarded(UUID nominationId, Long expectedVersion) {
        decidable(nominationId, expectedVersion);
        decide(nominationId, Decision.NOT_AWARDED);
        return nomination(nominationId);
    }

    /** A session's nominations (default: the current one), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Nomination> nominations(Integer term, Integer session) {
        ProposalSettings.Settings s = settings.current();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from excellence_nomination n join proposal p on p.id = n.proposal_id "
                        + "where n.committee = ?1 and n.term = ?2 and n.session = ?3 order by n.id desc")
                .setParameter(1, committee.code()).setParameter(2, term != null ? term : s.term())
                .setParameter(3, session != null ? session : s.session()).getResultList();
        return rows.stream().map(Evaluation::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Weights weights() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select reply_rate, on_time_rate, satisfaction, a_share from evaluation_weights where committee = ?1")
                .setParameter(1, committee.code()).getResultList();
        return rows.stream().findFirst().map(r -> new Weights((BigDecimal) r[0], (BigDecimal) r[1], (BigDecimal) r[2], (BigDecimal) r[3]))
                .orElse(DEFAULT_WEIGHTS);
    }

    public Weights setWeights(Weights w) {
        BigDecimal sum = w.replyRate().add(w.onTimeRate()).add(w.satisfaction()).add(w.aShare());
        if (sum.subtract(BigDecimal.ONE).abs().compareTo(new BigDecimal("0.0001")) > 0) {
            throw Problems.badRequest("the weights add up to 1 (these add up to " + sum.stripTrailingZeros().toPlainString() + ")");
        }
        em.createNativeQuery("insert into evaluation_weights (committee, reply_rate, on_time_rate, satisfaction, a_share, updated_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, now()) on conflict (committee) do update set reply_rate = excluded.reply_rate, "
                        + "on_time_rate = excluded.on_time_rate, satisfaction = excluded.satisfaction, a_share = excluded.a_share, "
                        + "updated_at = now()")
                .setParameter(1, committee.code()).setParameter(2, w.replyRate()).setParameter(3, w.onTimeRate())
                .setParameter(4, w.satisfaction()).setParameter(5, w.aShare()).executeUpdate();
        return weights();
    }

    /**
     * The units of a session ranked by score = 100 × Σ weight × rate (a rate with nothing to measure counts 0),
     * ties by name; those selected as 优秀承办单位 marked.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Ranking ranking(Integer term, Integer session) {
        ProposalStatistics.Statistics f = statistics.of(term, session, null);
        Weights w = weights();
        Set<String> excellent = Set.copyOf(excellentUnits(f.term(), f.session()));
        List<RankedUnit> scored = new ArrayList<>();
        for (ProposalStatistics.UnitFigures u : f.units()) {
            long replies = u.a() + u.b() + u.c();
            BigDecimal aShare = replies == 0 ? null : BigDecimal.valueOf(u.a()).divide(BigDecimal.valueOf(replies), 4, RoundingMode.HALF_UP);
            BigDecimal score = part(w.replyRate(), u.replyRate()).add(part(w.onTimeRate(), u.onTimeRate()))
                    .add(part(w.satisfaction(), u.satisfactionRate())).add(part(w.aShare(), aShare))
                    .multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP);
            scored.add(new RankedUnit(0, u.unitId(), u.unitName(), score, u.lead(), u.replyRate(), u.onTimeRate(), u.satisfactionRate(), aShare,
                    excellent.contains(u.unitId())));
        }
        scored.sort(Comparator.comparing(RankedUnit::score).reversed().thenComparing(RankedUnit::unitName));
        List<RankedUnit> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            RankedUnit u = scored.get(i);
            ranked.add(new RankedUnit(i + 1, u.unitId(), u.unitName(), u.score(), u.lead(), u.replyRate(), u.onTimeRate(), u.satisfactionRate(),
                    u.aShare(), u.excellent()));
        }
        return new Ranking(f.term(), f.session(), w, ranked);
    }

    static final List<String> RANKING_HEADER = List.of("名次", "承办单位", "综合得分", "主办件数", "办复率", "按时办复率", "满意率", "A类占比",
            "优秀承办单位");

    /** 承办单位考评排名 as a file: the session's units ranked by the committee's weights, 优秀承办单位 marked, then the weights used. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StreamingOutput exportRanking(Integer term, Integer session, TableWriter.Format format) {
        Ranking r = ranking(term, session); // read before the response starts: errors are still problems
        return out -> {
            try (TableWriter w = TableWriter.open(format, out)) {
                w.table("承办单位考评排名", RANKING_HEADER);
                r.units().forEach(u -> w.row(Arrays.asList(u.rank(), u.unitName(), u.score(), u.lead(), u.replyRate(), u.onTimeRate(),
                        u.satisfactionRate(), u.aShare(), u.excellent() ? "是" : "否")));
                w.table("考评权重", List.of("指标", "权重"));
                Weights x = r.weights();
                List.of(List.of("办复率", x.replyRate()), List.of("按时办复率", x.onTimeRate()), List.of("满意率", x.satisfaction()),
                        List.of("A类占比", x.aShare())).forEach(w::row);
            }
        };
    }

    /** 优秀承办单位: the committee's selection for a session (replaces an earlier one); every unit must be this committee's. */
    public Ranking selectExcellentUnits(Integer term, Integer session, SelectUnits s) {
        ProposalSettings.Settings cur = settings.current();
        int t = term != null ? term : cur.term();
        int n = session != null ? session : cur.session();
        Set<UUID> ids = Set.copyOf(s.unitIds());
        long known = count("select count(*) from handling_unit where committee = ?1 and id in (?2)", committee.code(), ids);
        if (known != ids.size()) {
            throw Problems.badRequest("every unit must be a handling unit of this committee");
        }
        em.createNativeQuery("delete from excellent_unit where committee = ?1 and term = ?2 and session = ?3")
                .setParameter(1, committee.code()).setParameter(2, t).setParameter(3, n).executeUpdate();
        for (UUID id : ids) {
            em.createNativeQuery("insert into excellent_unit (committee, term, session, unit_id, selected_by, selected_at) "
                            + "values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, committee.code()).setParameter(2, t).setParameter(3, n)
                    .setParameter(4, id).setParameter(5, caller.username()).setParameter(6, SqlTime.param(clock.instant())).executeUpdate();
        }
        return ranking(t, n);
    }

    private List<String> excellentUnits(int term, int session) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select unit_id from excellent_unit where committee = ?1 and term = ?2 and session = ?3")
                .setParameter(1, committee.code()).setParameter(2, term).setParameter(3, session).getResultList();
        return ids.stream().map(Object::toString).toList();
    }

    private static BigDecimal part(BigDecimal weight, BigDecimal rate) {
        return rate == null ? BigDecimal.ZERO : weight.multiply(rate);
    }

    private Object[] decidable(UUID id, Long expectedVersion) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, proposal_id, status, version from excellence_nomination where id = ?1 for update")
                .setParameter(1, id).getResultList();
        Object[] n = rows.stream().findFirst().orElseThrow(() -> Problems.notFound("nomination", id));
        if (expectedVersion != null && expectedVersion != ((Number) n[3]).longValue()) {
            throw Problems.conflict("nomination " + id + " was changed by someone else; reload and retry");
        }
        if (!Decision.NOMINATED.name().equals(n[2])) {
            throw Problems.conflict("nomination " + id + " was already decided (" + n[2] + ")");
        }
        return n;
    }

    private void decide(UUID id, Decision d) {
        em.createNativeQuery("update excellence_nomination set status = ?1, decided_by = ?2, decided_at = ?3, version = version + 1 where id = ?4")
                .setParameter(1, d.name()).setParameter(2, caller.username()).setParameter(3, SqlTime.param(clock.instant()))
                .setParameter(4, id).executeUpdate();
    }

    private Nomination nomination(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from excellence_nomination n join proposal p on p.id = n.proposal_id "
                + "where n.id = ?1").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(Evaluation::view).orElseThrow(() -> Problems.notFound("nomination", id));
    }

    private static Nomination view(Object[] r) {
        return new Nomination(r[0].toString(), r[1].toString(), (String) r[2], (String) r[3], (String) r[4], ((Number) r[5]).intValue(),
                ((Number) r[6]).intValue(), (String) r[7], Decision.valueOf((String) r[8]), (String) r[9], SqlTime.instant(r[10]),
                (String) r[11], SqlTime.instant(r[12]), ((Number) r[13]).longValue());
    }

    private long count(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return ((Number) q.getSingleResult()).longValue();
    }
}
