package org.cppcc.members.records;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.cppcc.members.performance.PerformanceKind;
import org.cppcc.members.performance.PerformanceRecorder;
import org.cppcc.members.roster.Member;
import org.cppcc.members.roster.MemberService;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.time.ClockProducer;
import org.cppcc.platform.time.SqlTime;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Members' own records (constituents contacted, practical things done, learning) and the 委员工作站 visits
 * behind them. A record counts only once staff confirm it; then it becomes one 履职 entry.
 */
@ApplicationScoped
@Transactional
public class SelfRecords {

    public static final String PENDING = "PENDING";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String REJECTED = "REJECTED";

    public record NewRecord(@NotNull PerformanceKind kind, @NotBlank @Size(max = 300) String title, @Size(max = 4000) String detail,
                            @NotNull @PastOrPresent LocalDate occurredOn) {
    }

    public record Review(@Size(max = 300) String note) {
    }

    public record RecordView(String id, String memberId, String memberName, PerformanceKind kind, String title, String detail,
                             LocalDate occurredOn, String workstationId, String status, String reviewedBy, String reviewNote,
                             Instant createdAt) {
    }

    public record NewWorkstation(@NotBlank @Size(max = 100) String name, @Size(max = 200) String address) {
    }

    public record WorkstationView(String id, String name, String address) {
    }

    public record NewVisit(@NotNull @PastOrPresent LocalDate visitedOn, @Min(1) int visitors, @NotBlank @Size(max = 4000) String summary,
                           @Min(0) int cases) {
    }

    public record VisitView(String id, String workstationId, String memberId, String memberName, LocalDate visitedOn, int visitors,
                            String summary, int cases, String recordId, String recordStatus) {
    }

    private final EntityManager em;
    private final CommitteeContext committee;
    private final Caller caller;
    private final MemberService members;
    private final PerformanceRecorder recorder;
    private final Clock clock;

    public SelfRecords(EntityManager em, CommitteeContext committee, Caller caller, MemberService members, PerformanceRecorder recorder,
                       Clock clock) {
        this.em = em;
        this.committee = committee;
        this.caller = caller;
        this.members = members;
        this.recorder = recorder;
        this.clock = clock;
    }

    public RecordView submit(NewRecord r) {
        if (!r.kind().selfRecorded()) {
            throw Problems.badRequest(r.kind() + " is recorded from the other services' events, not by members; yours can be "
                    + "CONSTITUENTS_CONTACTED, PRACTICAL_THING_DONE or LEARNING");
        }
        return view(insert(me(), r.kind(), r.title().strip(), r.detail(), r.occurredOn(), null));
    }

    /** Staff see every record of the committee; a member sees their own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RecordView> list(String status, boolean staff, PageRequest page) {
        StringBuilder sql = new StringBuilder("select id from self_record where committee = :committee");
        if (!staff) {
            sql.append(" and user_id = :user");
        }
        if (status != null) {
            sql.append(" and status = :status");
        }
        if (page.after() != null) {
            sql.append(" and id < :after");
        }
        var q = em.createNativeQuery(sql + " order by id desc limit " + page.fetchSize()).setParameter("committee", committee.code());
        if (!staff) {
            q.setParameter("user", caller.userId());
        }
        if (status != null) {
            q.setParameter("status", status.toUpperCase(java.util.Locale.ROOT));
        }
        if (page.after() != null) {
            q.setParameter("after", page.after());
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = q.getResultList();
        return Page.of(ids, page, UUID::toString, this::view);
    }

    /** Staff confirm: the record becomes a 履职 entry (once: confirming again changes nothing). */
    public RecordView confirm(UUID id, Review review) {
        Object[] r = row(id);
        String status = (String) r[9];
        if (CONFIRMED.equals(status)) {
            return view(id);
        }
        if (!PENDING.equals(status)) {
            throw Problems.conflict("record " + id + " was already " + status.toLowerCase(java.util.Locale.ROOT));
        }
        review(id, CONFIRMED, review);
        PerformanceKind kind = PerformanceKind.valueOf((String) r[4]);
        LocalDate day = SqlTime.date(r[7]);
        recorder.add(committee.code(), (String) r[3], kind, kind.label() + "：" + r[5], "self-record", id.toString(), "self-record:" + id,
                day.atStartOfDay(ClockProducer.CHINA).toInstant());
        return view(id);
    }

    public RecordView reject(UUID id, Review review) {
        Object[] r = row(id);
        if (!PENDING.equals(r[9])) {
            throw Problems.conflict("record " + id + " was already " + ((String) r[9]).toLowerCase(java.util.Locale.ROOT));
        }
        if (review == null || review.note() == null || review.note().isBlank()) {
            throw Problems.badRequest("say why the record is rejected (note)");
        }
        review(id, REJECTED, review);
        return view(id);
    }

    public WorkstationView addWorkstation(NewWorkstation w) {
        UUID id = Ids.newId();
        int n = em.createNativeQuery("insert into workstation (id, committee, name, address, created_at) values (?1, ?2, ?3, ?4, ?5) "
                        + "on conflict (committee, name) do nothing")
                .setParameter(1, id).setParameter(2, committee.code()).setParameter(3, w.name().strip()).setParameter(4, w.address())
                .setParameter(5, SqlTime.param(clock.instant())).executeUpdate();
        if (n == 0) {
            throw Problems.conflict("committee " + committee.code() + " already has a workstation named " + w.name());
        }
        return new WorkstationView(id.toString(), w.name().strip(), w.address());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WorkstationView> workstations() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, name, address from workstation where committee = ?1 order by name")
                .setParameter(1, committee.code()).getResultList();
        return rows.stream().map(r -> new WorkstationView(r[0].toString(), (String) r[1], (String) r[2])).toList();
    }

    /** A member logs a visit at a workstation; it becomes their record of constituents contacted, for staff to confirm. */
    public VisitView logVisit(UUID workstationId, NewVisit v) {
        String name = workstations().stream().filter(w -> w.id().equals(workstationId.toString())).findFirst()
                .orElseThrow(() -> Problems.notFound("workstation", workstationId)).name();
        Member m = me();
        UUID record = insert(m, PerformanceKind.CONSTITUENTS_CONTACTED, name + "接待群众" + v.visitors() + "人次", v.summary(),
                v.visitedOn(), workstationId);
        UUID id = Ids.newId();
        em.createNativeQuery("insert into workstation_visit (id, committee, workstation_id, member_id, visited_on, visitors, summary, cases, "
                        + "record_id, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .setParameter(1, id).setParameter(2, committee.code()).setParameter(3, workstationId).setParameter(4, m.id)
                .setParameter(5, v.visitedOn()).setParameter(6, v.visitors()).setParameter(7, v.summary()).setParameter(8, v.cases())
                .setParameter(9, record).setParameter(10, SqlTime.param(clock.instant())).executeUpdate();
        return visits(workstationId, true).stream().filter(x -> x.id().equals(id.toString())).findFirst().orElseThrow();
    }

    /** Visits at a workstation, newest first: staff see all, a member their own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VisitView> visits(UUID workstationId, boolean staff) {
        var q = em.createNativeQuery("select v.id, v.workstation_id, v.member_id, m.name, v.visited_on, v.visitors, v.summary, "
                        + "v.cases, v.record_id, r.status from workstation_visit v join member m on m.id = v.member_id "
                        + "join self_record r on r.id = v.record_id where v.committee = ?1 and v.workstation_id = ?2"
                        + (staff ? "" : " and r.user_id = ?3") + " order by v.visited_on desc, v.id desc limit 200")
                .setParameter(1, committee.code()).setParameter(2, workstationId);
        if (!staff) {
            q.setParameter(3, caller.userId());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new VisitView(r[0].toString(), r[1].toString(), r[2].toString(), (String) r[3],
                SqlTime.date(r[4]), ((Number) r[5]).intValue(), (String) r[6], ((Number) r[7]).intValue(),
                r[8].toString(), (String) r[9])).toList();
    }

    private Member me() {
        return members.byUserId(caller.userId()).filter(Member::active)
                .orElseThrow(() -> Problems.forbidden("only members of committee " + committee.code() + " record their duty performance here"));
    }

    private UUID insert(Member m, PerformanceKind kind, String title, String detail, LocalDate occurredOn, UUID workstationId) {
        UUID id = Ids.newId();
        em.createNativeQuery("insert into self_record (id, committee, member_id, user_id, kind, title, detail, occurred_on, workstation_id, "
                        + "status, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                .setParameter(1, id).setParameter(2, committee.code()).setParameter(3, m.id).setParameter(4, m.userId)
                .setParameter(5, kind.name()).setParameter(6, title).setParameter(7, detail).setParameter(8, occurredOn)
                .setParameter(9, workstationId).setParameter(10, PENDING).setParameter(11, SqlTime.param(clock.instant())).executeUpdate();
        return id;
    }

    private void review(UUID id, String status, Review review) {
        em.createNativeQuery("update self_record set status = ?1, reviewed_by = ?2, review_note = ?3, reviewed_at = ?4 where id = ?5 and committee = ?6")
                .setParameter(1, status).setParameter(2, caller.username()).setParameter(3, review == null ? null : review.note())
                .setParameter(4, SqlTime.param(clock.instant())).setParameter(5, id).setParameter(6, committee.code()).executeUpdate();
    }

    /** id, committee, member_id, user_id, kind, title, detail, occurred_on, workstation_id, status — of this committee only. */
    private Object[] row(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, committee, member_id, user_id, kind, title, detail, occurred_on, workstation_id, "
                        + "status from self_record where id = ?1 and committee = ?2 for update")
                .setParameter(1, id).setParameter(2, committee.code()).getResultList();
        return rows.stream().findFirst().orElseThrow(() -> Problems.notFound("record", id));
    }

    private RecordView view(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select r.id, r.member_id, m.name, r.kind, r.title, r.detail, r.occurred_on, r.workstation_id, "
                        + "r.status, r.reviewed_by, r.review_note, r.created_at from self_record r join member m on m.id = r.member_id "
                        + "where r.id = ?1 and r.committee = ?2")
                .setParameter(1, id).setParameter(2, committee.code()).getResultList();
        Object[] r = rows.stream().findFirst().orElseThrow(() -> Problems.notFound("record", id));
        return new RecordView(r[0].toString(), r[1].toString(), (String) r[2], PerformanceKind.valueOf((String) r[3]), (String) r[4],
                (String) r[5], SqlTime.date(r[6]), r[7] == null ? null : r[7].toString(), (String) r[8], (String) r[9],
                (String) r[10], SqlTime.instant(r[11]));
    }
}
