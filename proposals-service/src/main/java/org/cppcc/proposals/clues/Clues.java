package org.cppcc.proposals.clues;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.Topics;
import org.cppcc.platform.events.contracts.ClueEvents;
import org.cppcc.platform.idempotency.Idempotency;
import org.cppcc.platform.idempotency.Idempotency.Created;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.outbox.Outbox;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.proposals.lifecycle.ProposalAccess;
import org.cppcc.proposals.review.ProposalSettings;
import org.cppcc.proposals.submission.Proposal;
import org.cppcc.proposals.submission.ProposalStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 订单式提案 (proposals to order). A handling unit (its officers, or the proposal office for it) posts a clue — a
 * topic it wants researched; members browse the open clues and take one (several may); the proposals they write
 * on it are linked to it, and the unit sees who took it and what came of it. A clue is open until its last day or
 * until the unit closes it. Everything here is the committee's own: a clue of another committee is not found.
 */
@ApplicationScoped
@Transactional
public class Clues {

    /** The committee's calendar: a clue is open through its last day there. */
    static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");

    public record PostClue(@NotNull UUID unitId, @NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 4000) String description,
                           @Size(max = 4000) String researchNeeds, @Size(max = 100) String contactName,
                           @Pattern(regexp = "\\+?[0-9-]{6,30}", message = "must be a phone number") String contactPhone,
                           @NotNull LocalDate openUntil) {
    }

    public record Taker(String userId, String name, Instant takenAt) {
    }

    public record Written(String proposalId, String title, String authorName, String status, String number) {
    }

    /**
     * A clue as the caller may see it: everyone of the committee reads the clue and how many took it; the
     * office, leaders and the posting unit also read who took it and the proposals written on it.
     */
    public record ClueView(String id, String unitId, String unitName, String title, String description, String researchNeeds,
                           String contactName, String contactPhone, LocalDate openUntil, String status, int term, int session,
                           String postedBy, Instant postedAt, Instant closedAt, long takers, boolean takenByMe, List<Taker> takenBy,
                           List<Written> proposals, long version) {
    }

    public record UnitFigures(String unitId, String unitName, long posted, long taken, long proposals, long registered) {
    }

    /** Per session: clues posted, taken (by at least one member), members who took one, proposals written and registered. */
    public record Statistics(int term, int session, long posted, long open, long taken, long takers, long proposals, long registered,
                             List<UnitFigures> byUnit) {
    }

    private static final String REGISTERED = "('REGISTERED', 'HANDLING', 'REPLIED', 'COMPLETED', 'ARCHIVED')";

    private final EntityManager em;
    private final Outbox outbox;
    private final Idempotency idempotency;
    private final CommitteeContext committee;
    private final Caller caller;
    private final ProposalAccess access;
    private final ProposalSettings settings;
    private final Clock clock;

    public Clues(EntityManager em, Outbox outbox, Idempotency idempotency, CommitteeContext committee, Caller caller, ProposalAccess access,
                 ProposalSettings settings, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.committee = committee;
        this.caller = caller;
        this.access = access;
        this.settings = settings;
        this.clock = clock;
    }

    /** 发布线索: by an officer of the unit, or by the proposal office on the unit's behalf. */
    public Created<ClueView> post(PostClue p, String idempotencyKey) {
        return idempotency.once(idempotencyKey, "clues.post:" + committee.code() + ":" + caller.userId(), ClueView.class, () -> {
            String unitName = access.unitName(p.unitId()).orElseThrow(() -> Problems.badRequest("no handling unit " + p.unitId() + " here"));
            if (!committee.has(Roles.PROPOSAL_OFFICE) && !access.myUnits().contains(p.unitId())) {
                throw Problems.forbidden("an officer posts clues for their own unit only");
            }
            LocalDate today = today();
            if (p.openUntil().isBefore(today) || p.openUntil().isAfter(today.plusYears(1))) {
                throw Problems.badRequest("openUntil must be between today (" + today + ") and a year from now");
            }
            ProposalSettings.Settings s = settings.current();
            Clue c = new Clue();
            c.id = Ids.newId();
            c.unitId = p.unitId();
            c.title = p.title().strip();
            c.description = p.description().strip();
            c.researchNeeds = blankToNull(p.researchNeeds());
            c.contactName = blankToNull(p.contactName());
            c.contactPhone = blankToNull(p.contactPhone());
            c.openUntil = p.openUntil();
            c.status = Clue.Status.OPEN;
            c.term = s.term();
            c.session = s.session();
            c.postedBy = caller.username();
            c.postedAt = clock.instant();
            em.persist(c);
            outbox.publish(Topics.PROPOSALS, EventTypes.CLUE_POSTED, committee.code(), c.id.toString(),
                    new ClueEvents.Posted(c.id.toString(), c.title, c.unitId.toString(), unitName, c.openUntil));
            em.flush();
            return new Created<>(c.id.toString(), view(c));
        });
    }

    /** 认领: a member takes an open clue; taking it again changes nothing. */
    public ClueView take(UUID id) {
        Clue c = locked(id);
        if (!"OPEN".equals(status(c))) {
            throw Problems.conflict("this clue is " + status(c).toLowerCase(java.util.Locale.ROOT) + ": it can no longer be taken");
        }
        if (taker(c.id, caller.userId()).isEmpty()) {
            ClueTaker t = new ClueTaker();
            t.id = Ids.newId();
            t.clueId = c.id;
            t.userId = caller.userId();
            t.name = caller.displayName();
            t.takenAt = clock.instant();
            em.persist(t);
            outbox.publish(Topics.PROPOSALS, EventTypes.CLUE_TAKEN, committee.code(), c.id.toString(),
                    new ClueEvents.Taken(c.id.toString(), c.title, c.unitId.toString(), t.userId, t.name));
            em.flush();
        }
        return view(c);
    }

    /** 关闭: the unit (or the office) closes its clue; those who took it are told. */
    public ClueView close(UUID id, Long expectedVersion) {
        Clue c = locked(id);
        mayManage(c);
        if (expectedVersion != null && expectedVersion != c.version) {
            throw Problems.conflict("clue " + id + " was changed by someone else (version " + c.version + "); reload and retry");
        }
        if (c.status == Clue.Status.CLOSED) {
            throw Problems.conflict("clue " + id + " is already closed");
        }
        c.status = Clue.Status.CLOSED;
        c.closedAt = clock.instant();
        outbox.publish(Topics.PROPOSALS, EventTypes.CLUE_CLOSED, committee.code(), c.id.toString(),
                new ClueEvents.Closed(c.id.toString(), c.title, c.unitId.toString(), takers(c.id).stream().map(Taker::userId).toList()));
        em.flush();
        return view(c);
    }

    /** The clue board, newest first: ?status=OPEN (takeable now) or CLOSED (closed or past its last day), a unit's, or those I took. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClueView> list(String status, UUID unitId, boolean mine, PageRequest page) {
        StringBuilder hql = new StringBuilder("from Clue c where 1 = 1");
        if ("OPEN".equals(status)) {
            hql.append(" and c.status = :open and c.openUntil >= :today");
        } else if ("CLOSED".equals(status)) {
            hql.append(" and (c.status <> :open or c.openUntil < :today)");
        } else if (status != null) {
            throw Problems.badRequest("status must be OPEN or CLOSED");
        }
        if (unitId != null) {
            hql.append(" and c.unitId = :unit");
        }
        if (mine) {
            hql.append(" and exists (select 1 from ClueTaker t where t.clueId = c.id and t.userId = :me)");
        }
        if (page.after() != null) {
            hql.append(" and c.id < :after");
        }
        var q = em.createQuery(hql.append(" order by c.id desc").toString(), Clue.class).setMaxResults(page.fetchSize());
        if (status != null) {
            q.setParameter("today", today()).setParameter("open", Clue.Status.OPEN);
        }
        if (unitId != null) {
            q.setParameter("unit", unitId);
        }
        if (mine) {
            q.setParameter("me", caller.userId());
        }
        if (page.after() != null) {
            q.setParameter("after", page.after());
        }
        return Page.of(q.getResultList(), page, c -> c.id.toString(), this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClueView get(UUID id) {
        return view(find(id));
    }

    /**
     * A proposal written on a clue (in the proposal's transaction): the clue is this committee's and its author
     * took it. Announced to the unit when the proposal is submitted ({@link #submitted}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void link(Proposal p, UUID clueId) {
        Clue c = em.find(Clue.class, clueId);
        if (c == null) {
            throw Problems.badRequest("no clue " + clueId + " in this committee");
        }
        if (taker(c.id, p.authorUserId).isEmpty()) {
            throw Problems.conflict("take the clue first (认领), then write the proposal on it");
        }
        p.clueId = c.id;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void submitted(Proposal p) {
        if (p.clueId == null) {
            return;
        }
        Clue c = em.find(Clue.class, p.clueId);
        outbox.publish(Topics.PROPOSALS, EventTypes.CLUE_PROPOSAL_SUBMITTED, committee.code(), c.id.toString(),
                new ClueEvents.ProposalSubmitted(c.id.toString(), c.title, c.unitId.toString(), p.id.toString(), p.title, p.authorName));
    }

    /** What a clue gives a recommendation upward (四级联动): its topic, its text and the unit that asked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String[]> forRecommendation(UUID id) {
        Clue c = em.find(Clue.class, id);
        if (c == null) {
            return Optional.empty();
        }
        String body = c.description + (c.researchNeeds == null ? "" : "\n\n调研需求：" + c.researchNeeds);
        return Optional.of(new String[]{c.title, body, access.unitName(c.unitId).orElse(null)});
    }

    /** Figures of a session (default: the current one), in all and per unit. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Statistics statistics(Integer term, Integer session) {
        ProposalSettings.Settings s = settings.current();
        int t = term != null ? term : s.term();
        int n = session != null ? session : s.session();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select c.unit_id, u.name, count(*), "
                        + "count(*) filter (where c.status = 'OPEN' and c.open_until >= ?4), "
                        + "count(*) filter (where exists (select 1 from clue_taker k where k.clue_id = c.id)), "
                        + "coalesce(sum((select count(*) from proposal p where p.clue_id = c.id and p.status not in ('DRAFT', 'WITHDRAWN'))), 0), "
                        + "coalesce(sum((select count(*) from proposal p where p.clue_id = c.id and p.status in " + REGISTERED + ")), 0) "
                        + "from clue c join handling_unit u on u.id = c.unit_id "
                        + "where c.committee = ?1 and c.term = ?2 and c.session = ?3 group by c.unit_id, u.name order by count(*) desc, u.name")
                .setParameter(1, committee.code()).setParameter(2, t).setParameter(3, n).setParameter(4, today()).getResultList();
        List<UnitFigures> byUnit = new ArrayList<>();
        long posted = 0;
        long open = 0;
        long taken = 0;
        long proposals = 0;
        long registered = 0;
        for (Object[] r : rows) {
            byUnit.add(new UnitFigures(r[0].toString(), (String) r[1], num(r[2]), num(r[4]), num(r[5]), num(r[6])));
            posted += num(r[2]);
            open += num(r[3]);
            taken += num(r[4]);
            proposals += num(r[5]);
            registered += num(r[6]);
        }
        long takers = num(em.createNativeQuery("select count(distinct k.user_id) from clue_taker k join clue c on c.id = k.clue_id "
                + "where c.committee = ?1 and c.term = ?2 and c.session = ?3").setParameter(1, committee.code()).setParameter(2, t)
                .setParameter(3, n).getSingleResult());
        return new Statistics(t, n, posted, open, taken, takers, proposals, registered, byUnit);
    }

    private ClueView view(Clue c) {
        List<Taker> takers = takers(c.id);
        boolean insight = insight(c);
        List<Written> written = insight ? written(c.id) : null;
        return new ClueView(c.id.toString(), c.unitId.toString(), access.unitName(c.unitId).orElse(null), c.title, c.description,
                c.researchNeeds, c.contactName, c.contactPhone, c.openUntil, status(c), c.term, c.session, c.postedBy, c.postedAt,
                c.closedAt, takers.size(), takers.stream().anyMatch(t -> t.userId().equals(caller.userId())), insight ? takers : null,
                written, c.version);
    }

    /** The office, leaders, administrators and the posting unit's officers see who took a clue and what they wrote. */
    private boolean insight(Clue c) {
        return committee.has(Roles.PROPOSAL_OFFICE) || committee.has(Roles.LEADER) || committee.has(Roles.COMMITTEE_ADMIN)
                || (committee.has(Roles.HANDLING_UNIT) && access.myUnits().contains(c.unitId));
    }

    private void mayManage(Clue c) {
        if (!committee.has(Roles.PROPOSAL_OFFICE) && !access.myUnits().contains(c.unitId)) {
            throw Problems.forbidden("only the unit that posted the clue, or the proposal office, manages it");
        }
    }

    private String status(Clue c) {
        return c.status == Clue.Status.CLOSED ? "CLOSED" : c.openUntil.isBefore(today()) ? "EXPIRED" : "OPEN";
    }

    private List<Taker> takers(UUID clueId) {
        return em.createQuery("from ClueTaker t where t.clueId = :c order by t.takenAt", ClueTaker.class).setParameter("c", clueId)
                .getResultList().stream().map(t -> new Taker(t.userId, t.name, t.takenAt)).toList();
    }

    private Optional<ClueTaker> taker(UUID clueId, String userId) {
        return em.createQuery("from ClueTaker t where t.clueId = :c and t.userId = :u", ClueTaker.class).setParameter("c", clueId)
                .setParameter("u", userId).getResultStream().findFirst();
    }

    private List<Written> written(UUID clueId) {
        return em.createQuery("from Proposal p where p.clueId = :c and p.status not in :unsent order by p.submittedAt", Proposal.class)
                .setParameter("c", clueId).setParameter("unsent", List.of(ProposalStatus.DRAFT, ProposalStatus.WITHDRAWN)).getResultList().stream()
                .map(p -> new Written(p.id.toString(), p.title, p.authorName, p.status.name(), p.number)).toList();
    }

    private Clue find(UUID id) {
        return Optional.ofNullable(em.find(Clue.class, id)).orElseThrow(() -> Problems.notFound("clue", id));
    }

    private Clue locked(UUID id) {
        return Optional.ofNullable(em.find(Clue.class, id, LockModeType.PESSIMISTIC_WRITE)).orElseThrow(() -> Problems.notFound("clue", id));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CALENDAR));
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
