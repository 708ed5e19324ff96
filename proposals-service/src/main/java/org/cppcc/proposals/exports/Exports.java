package org.cppcc.proposals.exports;

import org.cppcc.platform.exports.TableWriter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.StreamingOutput;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.time.SqlTime;
import org.cppcc.proposals.evaluation.Evaluation;
import org.cppcc.proposals.review.ProposalSettings;
import org.cppcc.proposals.statistics.ProposalStatistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * 导出: a session's proposals, its statistics, the units' ranking and the year's report annex as CSV or XLSX with Chinese headers, written while the rows are
 * read (a database cursor of 500 rows at a time), so an export of a national session holds no more than that.
 */
@ApplicationScoped
public class Exports {

    private static final Map<String, String> KIND = Map.of("INDIVIDUAL", "个人提案", "JOINT", "联名提案", "COLLECTIVE", "集体提案",
            "RECOMMENDATION", "建议案");
    private static final Map<String, String> STATUS = Map.ofEntries(Map.entry("SUBMITTED", "待审查"), Map.entry("RETURNED", "退回修改"),
            Map.entry("NOT_REGISTERED", "不予立案"), Map.entry("MERGED", "已并案"), Map.entry("REGISTERED", "已立案"),
            Map.entry("HANDLING", "办理中"), Map.entry("REPLIED", "已答复"), Map.entry("COMPLETED", "已办结"), Map.entry("ARCHIVED", "已归档"));
    private static final Map<String, String> RATING = Map.of("SATISFIED", "满意", "BASICALLY_SATISFIED", "基本满意", "UNSATISFIED", "不满意");
    static final List<String> PROPOSAL_HEADER = List.of("提案编号", "标题", "类别", "状态", "提案人", "界别", "提交时间", "立案时间",
            "主办单位", "会办单位", "答复类别", "满意度", "重点提案", "已公开", "主题");
    static final List<String> UNIT_HEADER = List.of("承办单位", "主办件数", "会办件数", "已答复", "按时答复", "办复率", "按时办复率", "在办",
            "逾期", "二次办理", "A类", "B类", "C类", "满意", "基本满意", "不满意", "满意率", "延期");

    private static final Map<String, String> CLASS = Map.of("A", "A类（已解决或采纳）", "B", "B类（列入计划拟解决）", "C", "C类（留作参考）");
    private static final String REGISTERED = "('REGISTERED', 'HANDLING', 'REPLIED', 'COMPLETED', 'ARCHIVED')";

    private final EntityManager em;
    private final CommitteeContext committee;
    private final ProposalSettings settings;
    private final ProposalStatistics statistics;
    private final Evaluation evaluation;

    public Exports(EntityManager em, CommitteeContext committee, ProposalSettings settings, ProposalStatistics statistics, Evaluation evaluation) {
        this.em = em;
        this.committee = committee;
        this.settings = settings;
        this.statistics = statistics;
        this.evaluation = evaluation;
    }

    /** The session asked for (default: the current one), checked. */
    private ProposalSettings.Settings session(Integer term, Integer session) {
        ProposalSettings.Settings s = settings.current();
        int t = term != null ? term : s.term();
        int n = session != null ? session : s.session();
        if (t < 1 || t > 99 || n < 1 || n > 9) {
            throw Problems.badRequest("term is 1 to 99 and session 1 to 9");
        }
        return new ProposalSettings.Settings(t, n, 1, 0);
    }

    /** The session's filed proposals (default: the current session), in number order, each with its units, reply class and rating. */
    public StreamingOutput proposals(Integer term, Integer session, TableWriter.Format format) {
        ProposalSettings.Settings chosen = session(term, session);
        int t = chosen.term();
        int n = chosen.session();
        String code = committee.code();
        String sheet = chosen.sessionName() + "提案";
        return out -> QuarkusTransaction.requiringNew().run(() -> {
            try (TableWriter w = TableWriter.open(format, out)) {
                w.table(sheet, PROPOSAL_HEADER);
                @SuppressWarnings("unchecked")
                Stream<Object[]> rows = em.createNativeQuery("select p.number, p.title, p.kind, p.status, coalesce(p.on_behalf_of, p.author_name), "
                                + "p.author_sector, p.submitted_at, p.registered_at, "
                                + "(select string_agg(u.name, '、' order by u.name) from assignment a join handling_unit u on u.id = a.unit_id "
                                + "  where a.proposal_id = p.id and a.role = 'LEAD' and a.handling_round = greatest(p.handling_round, 1)), "
                                + "(select string_agg(u.name, '、' order by u.name) from assignment a join handling_unit u on u.id = a.unit_id "
                                + "  where a.proposal_id = p.id and a.role = 'CO' and a.handling_round = greatest(p.handling_round, 1)), "
                                + "(select r.classification from reply r where r.proposal_id = p.id order by r.replied_at desc limit 1), "
                                + "(select f.reply_rating from feedback f where f.proposal_id = p.id and f.user_id = p.author_user_id "
                                + "  order by f.given_at desc limit 1), p.key_proposal, p.published, array_to_string(p.tags, '、') "
                                + "from proposal p where p.committee = ?1 and p.term = ?2 and p.session = ?3 "
                                + "and p.status not in ('DRAFT', 'WITHDRAWN') order by p.number nulls last, p.submitted_at, p.id")
                        .setParameter(1, code).setParameter(2, t).setParameter(3, n)
                        .setHint("org.hibernate.fetchSize", 500).setHint("org.hibernate.readOnly", true).getResultStream();
                try (rows) {
                    rows.forEach(r -> w.row(Arrays.asList(r[0], r[1], KIND.getOrDefault((String) r[2], (String) r[2]),
                            STATUS.getOrDefault((String) r[3], (String) r[3]), r[4], r[5], SqlTime.instant(r[6]), SqlTime.instant(r[7]), r[8], r[9],
                            r[10] == null ? null : r[10].toString(), r[11] == null ? null : RATING.get((String) r[11]), r[12], r[13],
                            r[14] == null || ((String) r[14]).isEmpty() ? null : r[14])));
                }
            }
        });
    }

    /** The session's statistics: the overview, the sectors, and the units' evaluation table (考评). */
    public StreamingOutput statistics(Integer term, Integer session, Integer year, TableWriter.Format format) {
        ProposalStatistics.Statistics f = statistics.of(term, session, year); // read before the response starts: errors are still problems
        return out -> {
            try (TableWriter w = TableWriter.open(format, out)) {
                ProposalStatistics.Overview o = f.proposals();
                w.table("总体情况", List.of("项目", "数量"));
                List<List<Object>> overview = List.of(List.of("提交提案", o.filed()), List.of("立案", o.registered()),
                        List.of("不予立案", o.notRegistered()), List.of("并案", o.merged()), List.of("审查中", o.inReview()),
                        List.of("重点提案", o.keyProposals()), List.of("已公开", o.published()), List.of("下级培育采纳", o.adoptedFromBelow()),
                        List.of("据线索撰写", o.writtenOnClues()), List.of("立案率", o.registrationRate() == null ? "" : o.registrationRate()),
                        List.of("发布线索", f.clues().posted()), List.of("社情民意信息（" + f.opinionReports().year() + "年）", f.opinionReports().submitted()),
                        List.of("社情民意采用", f.opinionReports().adopted()), List.of("社情民意获批示", f.opinionReports().instructed()),
                        List.of("申请延期", f.supervision().extensionsRequested()), List.of("批准延期", f.supervision().extensionsApproved()),
                        List.of("督办活动", f.supervision().supervisionActions()));
                overview.forEach(w::row);
                w.table("按界别", List.of("界别", "提交", "立案"));
                f.bySector().forEach(s -> w.row(Arrays.asList(s.sector() == null ? "（集体提案等）" : s.sector(), s.filed(), s.registered())));
                w.table("按主题", List.of("主题", "提交", "立案"));
                f.bySubject().forEach(s -> w.row(Arrays.asList(s.subject(), s.filed(), s.registered())));
                w.table("承办单位考评", UNIT_HEADER);
                for (ProposalStatistics.UnitFigures u : f.units()) {
                    w.row(new ArrayList<>(Arrays.asList(u.unitName(), u.lead(), u.co(), u.replied(), u.repliedOnTime(), u.replyRate(),
                            u.onTimeRate(), u.open(), u.overdue(), u.reHandled(), u.a(), u.b(), u.c(), u.satisfied(), u.basicallySatisfied(),
                            u.unsatisfied(), u.satisfactionRate(), u.extended())));
                }
            }
        };
    }

    /**
     * 提案工作报告附件 of a session: the catalogue of registered proposals (立案提案目录) with their units and results; each
     * unit's items as lead and co-handler, those replied on time and those published (the table units publish); the
     * awarded 优秀提案 and the 优秀承办单位.
     */
    public StreamingOutput reportAnnex(Integer term, Integer session, TableWriter.Format format) {
        ProposalSettings.Settings chosen = session(term, session);
        Evaluation.Ranking ranking = evaluation.ranking(chosen.term(), chosen.session());
        String code = committee.code();
        return out -> QuarkusTransaction.requiringNew().run(() -> {
            try (TableWriter w = TableWriter.open(format, out)) {
                w.table("立案提案目录", List.of("案号", "题目", "提案者", "主办单位", "会办单位", "办理结果", "是否公开"));
                @SuppressWarnings("unchecked")
                Stream<Object[]> rows = em.createNativeQuery("select p.number, p.title, coalesce(p.on_behalf_of, p.author_name), "
                                + "(select string_agg(u.name, '、' order by u.name) from assignment a join handling_unit u on u.id = a.unit_id "
                                + "  where a.proposal_id = p.id and a.role = 'LEAD' and a.handling_round = greatest(p.handling_round, 1)), "
                                + "(select string_agg(u.name, '、' order by u.name) from assignment a join handling_unit u on u.id = a.unit_id "
                                + "  where a.proposal_id = p.id and a.role = 'CO' and a.handling_round = greatest(p.handling_round, 1)), "
                                + "(select r.classification from reply r where r.proposal_id = p.id order by r.replied_at desc limit 1), p.published "
                                + "from proposal p where p.committee = ?1 and p.term = ?2 and p.session = ?3 and p.status in " + REGISTERED
                                + " order by p.number, p.id")
                        .setParameter(1, code).setParameter(2, chosen.term()).setParameter(3, chosen.session())
                        .setHint("org.hibernate.fetchSize", 500).setHint("org.hibernate.readOnly", true).getResultStream();
                try (rows) {
                    rows.forEach(r -> w.row(Arrays.asList(r[0], r[1], r[2], r[3], r[4], r[5] == null ? "办理中" : CLASS.get(r[5].toString()), r[6])));
                }
                // the units with most items first (names sort by code point, not by pinyin)
                w.table("承办单位办理情况", List.of("承办单位", "主办件数", "会办件数", "合计", "主办按时答复", "已公开"));
                @SuppressWarnings("unchecked")
                List<Object[]> units = em.createNativeQuery("select u.name, count(*) filter (where a.role = 'LEAD' and a.handling_round = 1), "
                                + "count(*) filter (where a.role = 'CO' and a.handling_round = 1), "
                                + "count(*) filter (where a.role = 'LEAD' and a.handling_round = 1 "
                                + "  and (a.replied_at at time zone 'Asia/Shanghai')::date <= a.deadline), "
                                + "count(distinct a.proposal_id) filter (where p.published) "
                                + "from assignment a join proposal p on p.id = a.proposal_id join handling_unit u on u.id = a.unit_id "
                                + "where a.committee = ?1 and a.term = ?2 and a.session = ?3 group by u.name "
                                + "order by count(*) filter (where a.handling_round = 1) desc, u.name")
                        .setParameter(1, code).setParameter(2, chosen.term()).setParameter(3, chosen.session()).getResultList();
                for (Object[] u : units) {
                    long lead = ((Number) u[1]).longValue();
                    long co = ((Number) u[2]).longValue();
                    w.row(Arrays.asList(u[0], lead, co, lead + co, ((Number) u[3]).longValue(), ((Number) u[4]).longValue()));
                }
                w.table("优秀提案", List.of("案号", "题目", "提案者"));
                evaluation.nominations(chosen.term(), chosen.session()).stream()
                        .filter(x -> x.status() == Evaluation.Decision.AWARDED)
                        .sorted(java.util.Comparator.comparing(Evaluation.Nomination::number, java.util.Comparator.nullsLast(String::compareTo)))
                        .forEach(x -> w.row(Arrays.asList(x.number(), x.title(), x.authorName())));
                w.table("优秀承办单位", List.of("承办单位", "综合得分"));
                ranking.units().stream().filter(Evaluation.RankedUnit::excellent).forEach(u -> w.row(Arrays.asList(u.unitName(), u.score())));
            }
        });
    }
}
