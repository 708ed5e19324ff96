package org.cppcc.proposals.cultivation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.Topics;
import org.cppcc.platform.events.contracts.CultivationEvents;
import org.cppcc.platform.events.contracts.ProposalSubmitted;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.outbox.Outbox;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.roster.MemberRoster;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.Committee;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.tenancy.CommitteeDirectory;
import org.cppcc.platform.tenancy.CommitteeScope;
import org.cppcc.platform.tenancy.ParentDeployment;
import org.cppcc.platform.time.SqlTime;
import org.cppcc.proposals.clues.Clues;
import org.cppcc.proposals.lifecycle.Action;
import org.cppcc.proposals.lifecycle.ProposalAccess;
import org.cppcc.proposals.lifecycle.ProposalSteps;
import org.cppcc.proposals.lifecycle.Transitions;
import org.cppcc.proposals.opinions.OpinionReport;
import org.cppcc.proposals.review.ProposalSettings;
import org.cppcc.proposals.submission.Proposal;
import org.cppcc.proposals.submission.ProposalKind;
import org.cppcc.proposals.submission.ProposalStatus;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * 四级联动 (cross-level cultivation). A committee's proposal office recommends one of its registered proposals,
 * a 社情民意 report or a proposal clue (线索) to its parent committee; the parent's office adopts it as a proposal of its own (by one
 * of its members — the original author when they are a member there too — or as a collective proposal) or
 * declines it with a reason. An adopted item, once registered, can be recommended again, up to the national
 * committee. Every hop of an item's journey is a row that each committee on the journey reads (row-level
 * security on {@code journey}), so the district follows what became of its item at every level above, and the
 * upper proposal shows where it came from.
 */
@ApplicationScoped
@Transactional
public class Cultivations {

    public enum SourceKind { PROPOSAL, OPINION_REPORT, CLUE }

    public enum Status { RECOMMENDED, ADOPTED, DECLINED }

    public enum AdoptAs { MEMBER, COLLECTIVE }

    public record Recommend(@NotNull SourceKind kind, @NotNull UUID sourceId, @Size(max = 2000) String note) {
    }

    /** MEMBER: carried by authorUsername (default: the original author, if a member here); COLLECTIVE: for onBehalfOf. */
    public record Adopt(@NotNull AdoptAs as, @Size(max = 64) String authorUsername, @Size(max = 100) String onBehalfOf,
                        @Size(max = 200) String title) {
    }

    public record Decline(@NotBlank @Size(max = 1000) String reason) {
    }

    /** What an item became in the committee it was recommended to, as it moves on there. */
    public record Adopted(String proposalId, String as, String authorName, String status, String number, String units,
                          String result, String satisfaction) {
    }

    /** One hop of a journey: from a committee to its parent. */
    public record Hop(String id, String rootId, String committee, String committeeName, String targetCommittee, String targetName,
                      String kind, String sourceId, String sourceNumber, String title, String authorName, String note, Status status,
                      String recommendedBy, Instant recommendedAt, String decidedBy, Instant decidedAt, String declineReason,
                      Adopted adopted, String origin, long version) {
    }

    /** The whole journey of an item, from the committee where it began upward. */
    public record Journey(String rootId, List<Hop> hops) {
    }

    public record LevelFigures(String committee, String name, String level, long recommended, long adopted, long declined, long pending) {
    }

    /**
     * What a committee cultivated for each level above (items that began with it: "培育全国、省、市政协提案13件") and
     * what it received from below.
     */
    public record Statistics(String committee, Integer year, List<LevelFigures> cultivatedFor, LevelFigures received) {
    }

    private static final Set<ProposalStatus> RECOMMENDABLE = EnumSet.of(ProposalStatus.REGISTERED, ProposalStatus.HANDLING,
            ProposalStatus.REPLIED, ProposalStatus.COMPLETED, ProposalStatus.ARCHIVED);
    private static final String COLUMNS = "id, root_id, committee, target_committee, source_kind, source_id, source_number, title, "
            + "author_name, note, status, recommended_by, recommended_at, decided_by, decided_at, decline_reason, adopted_proposal_id, "
            + "adopted_as, adopted_author_name, adopted_status, adopted_number, adopted_units, adopted_result, adopted_satisfaction, version, "
            + "committee_name, target_name, origin";

    private final EntityManager em;
    private final CommitteeContext committee;
    private final CommitteeDirectory committees;
    private final CommitteeScope scope;
    private final ParentDeployment deployment;
    private final Caller caller;
    private final ProposalSteps steps;
    private final ProposalAccess access;
    private final Transitions transitions;
    private final ProposalSettings settings;
    private final MemberRoster roster;
    private final Outbox outbox;
    private final Clock clock;
    private final Clues clues;

    public Cultivations(EntityManager em, CommitteeContext committee, CommitteeDirectory committees, CommitteeScope scope,
                        ParentDeployment deployment, Caller caller,
                        ProposalSteps steps, ProposalAccess access, Transitions transitions, ProposalSettings settings, MemberRoster roster, Outbox outbox,
                        Clock clock, Clues clues) {
        this.em = em;
        this.committee = committee;
        this.committees = committees;
        this.scope = scope;
        this.deployment = deployment;
        this.caller = caller;
        this.steps = steps;
        this.access = access;
        this.transitions = transitions;
        this.settings = settings;
        this.roster = roster;
        this.outbox = outbox;
        this.clock = clock;
        this.clues = clues;
    }

    /** 推荐: this committee's office recommends an item to its parent committee. */
    public Hop recommend(Recommend r) {
        String code = committee.code();
        String parent = committees.find(code).map(Committee::parentCode)
                .orElseThrow(() -> Problems.badRequest("the national committee has no level above to recommend to"));
        Item item = item(r.kind(), r.sourceId());
        if (count("select count(*) from cultivation where source_kind = ?1 and source_id = ?2 and target_committee = ?3",
                r.kind().name(), r.sourceId(), parent) > 0) {
            throw Problems.conflict("this item was already recommended to " + name(parent));
        }
        UUID id = Ids.newId();
        UUID root = id;
        List<String> journey = new ArrayList<>(List.of(code, parent));
        if (item.cultivatedFrom() != null) { // adopted here from below: the journey goes on
            Object[] prior = (Object[]) em.createNativeQuery("select root_id, journey from cultivation where id = ?1")
                    .setParameter(1, item.cultivatedFrom()).getSingleResult();
            root = (UUID) prior[0];
            journey = new ArrayList<>(List.of((String[]) prior[1]));
            journey.add(parent);
            UUID journeyRoot = root;
            // every committee on the journey follows it to the new level: crosses committees on purpose
            scope.across(() -> em.createNativeQuery("update cultivation set journey = array_append(journey, ?1) where root_id = ?2 "
                    + "and not (?1 = any (journey))").setParameter(1, parent).setParameter(2, journeyRoot).executeUpdate());
        }
        Instant now = clock.instant();
        em.createNativeQuery("insert into cultivation (id, root_id, committee, target_committee, journey, source_kind, source_id, "
                        + "source_number, title, body, author_user_id, author_name, note, status, recommended_by, recommended_at, updated_at) "
                        + "values (?1, ?2, ?3, ?4, cast(?5 as varchar(6)[]), ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 'RECOMMENDED', ?14, ?15, ?15)")
                .setParameter(1, id).setParameter(2, root).setParameter(3, code).setParameter(4, parent)
                .setParameter(5, "{" + String.join(",", journey) + "}").setParameter(6, r.kind().name()).setParameter(7, r.sourceId())
                .setParameter(8, item.number()).setParameter(9, item.title()).setParameter(10, item.body())
                .setParameter(11, item.authorUserId()).setParameter(12, item.authorName()).setParameter(13, blankToNull(r.note()))
                .setParameter(14, caller.username()).setParameter(15, SqlTime.param(now))
                .executeUpdate();
        // a cultivation event belongs to the committee it informs: the parent learns of a recommendation
        outbox.publish(Topics.CULTIVATION, EventTypes.CULTIVATION_RECOMMENDED, parent, root.toString(),
                new CultivationEvents.Recommended(id.toString(), root.toString(), code, parent, r.kind().name(), r.sourceId().toString(),
                        item.title(), item.authorUserId(), item.authorName(), blankToNull(r.note()), name(code), name(parent), item.body(),
                        item.number(), List.copyOf(journey), caller.username()));
        return hop(id);
    }

    /** 采纳: the parent's office makes the item a proposal of its own committee (submitted, then reviewed as any other). */
    public Hop adopt(UUID hopId, Adopt a, Long expectedVersion) {
        Row h = decidable(hopId, expectedVersion);
        Proposal p = new Proposal();
        p.id = Ids.newId();
        p.title = a.title() != null && !a.title().isBlank() ? a.title().strip() : h.title();
        p.body = h.body();
        if (a.as() == AdoptAs.COLLECTIVE) {
            if (a.onBehalfOf() == null || a.onBehalfOf().isBlank()) {
                throw Problems.badRequest("a collective proposal names the party, sector or committee it is for (onBehalfOf)");
            }
            p.kind = ProposalKind.COLLECTIVE;
            p.onBehalfOf = a.onBehalfOf().strip();
            p.authorUserId = caller.userId();
            p.authorName = caller.displayName();
        } else {
            MemberRoster.RosterMember author = carrier(a.authorUsername(), h.authorUserId());
            p.kind = ProposalKind.INDIVIDUAL;
            p.authorUserId = author.userId();
            p.authorName = author.name();
        }
        p.publishConsent = false; // the new proposer decides on publication at the parent level
        p.submittedAt = clock.instant();
        ProposalSettings.Settings s = settings.current();
        p.term = s.term();
        p.session = s.session();
        p.status = ProposalStatus.SUBMITTED;
        p.cultivatedFrom = hopId;
        em.persist(p);
        em.flush();
        transitions.created(p, Action.SUBMIT);
        outbox.publish(Topics.PROPOSALS, EventTypes.PROPOSAL_SUBMITTED, committee.code(), p.id.toString(),
                new ProposalSubmitted(p.id.toString(), p.title, p.kind.name(), p.authorUserId, p.authorName, p.submittedAt));
        em.createNativeQuery("update cultivation set status = 'ADOPTED', decided_by = ?1, decided_at = ?2, adopted_proposal_id = ?3, "
                        + "adopted_as = ?4, adopted_author_name = ?5, adopted_status = ?6, updated_at = ?2, version = version + 1 where id = ?7")
                .setParameter(1, caller.username()).setParameter(2, SqlTime.param(clock.instant())).setParameter(3, p.id)
                .setParameter(4, a.as().name()).setParameter(5, p.kind == ProposalKind.COLLECTIVE ? p.onBehalfOf : p.authorName)
                .setParameter(6, p.status.name()).setParameter(7, hopId).executeUpdate();
        outbox.publish(Topics.CULTIVATION, EventTypes.CULTIVATION_ADOPTED, h.committee(), h.rootId().toString(), // news for the level below
                new CultivationEvents.Adopted(hopId.toString(), h.rootId().toString(), h.committee(), committee.code(), p.id.toString(),
                        a.as().name(), p.kind == ProposalKind.COLLECTIVE ? null : p.authorUserId, p.title, h.authorUserId(),
                        name(committee.code()), p.kind == ProposalKind.COLLECTIVE ? p.onBehalfOf : p.authorName, caller.username()));
        return hop(hopId);
    }

    /** 不予采纳: declined, with the reason the recommending committee reads. */
    public Hop decline(UUID hopId, Decline d, Long expectedVersion) {
        Row h = decidable(hopId, expectedVersion);
        em.createNativeQuery("update cultivation set status = 'DECLINED', decided_by = ?1, decided_at = ?2, decline_reason = ?3, "
                        + "updated_at = ?2, version = version + 1 where id = ?4")
                .setParameter(1, caller.username()).setParameter(2, SqlTime.param(clock.instant())).setParameter(3, d.reason().strip())
                .setParameter(4, hopId).executeUpdate();
        outbox.publish(Topics.CULTIVATION, EventTypes.CULTIVATION_DECLINED, h.committee(), h.rootId().toString(), // news for the level below
                new CultivationEvents.Declined(hopId.toString(), h.rootId().toString(), h.committee(), committee.code(), h.title(),
                        d.reason().strip(), h.authorUserId(), name(committee.code()), caller.username()));
        return hop(hopId);
    }

    /** 培育库: items recommended to this committee by the committees below it, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Hop> queue(Status status, PageRequest page) {
        return page("target_committee = ?1", status, page);
    }

    /** Items this committee recommended upward, newest first, each with what became of it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Hop> recommended(Status status, PageRequest page) {
        return page("committee = ?1", status, page);
    }

    /** The journey of the item this hop belongs to; any committee on it may read it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Journey journey(UUID hopId) {
        Hop h = hop(hopId);
        return journeyOf(UUID.fromString(h.rootId()));
    }

    /** 溯源: the journey a proposal of this committee is part of (where it came from, where it went); empty if none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Journey lineage(UUID proposalId) {
        access.visible(proposalId);
        List<?> roots = em.createNativeQuery("select root_id from cultivation where (source_kind = 'PROPOSAL' and source_id = ?1) "
                + "or adopted_proposal_id = ?1 limit 1").setParameter(1, proposalId).getResultList();
        return roots.isEmpty() ? new Journey(null, List.of()) : journeyOf((UUID) roots.get(0));
    }

    /** Figures for this committee (optionally one year of recommendations): what began here, per level above; what came from below. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Statistics statistics(Integer year) {
        String code = committee.code();
        String yearFilter = year == null ? "" : " and extract(year from r.recommended_at at time zone 'Asia/Shanghai') = " + year.intValue();
        @SuppressWarnings("unchecked")
        List<Object[]> upward = em.createNativeQuery("select h.target_committee, count(*), count(*) filter (where h.status = 'ADOPTED'), "
                + "count(*) filter (where h.status = 'DECLINED'), count(*) filter (where h.status = 'RECOMMENDED') "
                + "from cultivation h join cultivation r on r.id = h.root_id where r.committee = ?1" + yearFilter
                + " group by h.target_committee").setParameter(1, code).getResultList();
        Map<String, LevelFigures> byTarget = new LinkedHashMap<>();
        List<String> above = new ArrayList<>(committees.path(code).subList(0, committees.path(code).size() - 1));
        java.util.Collections.reverse(above);
        for (String c : above) { // the parent first, up to the national committee
            byTarget.put(c, figures(c, 0, 0, 0, 0));
        }
        for (Object[] u : upward) {
            byTarget.put((String) u[0], figures((String) u[0], n(u[1]), n(u[2]), n(u[3]), n(u[4])));
        }
        Object[] in = (Object[]) em.createNativeQuery("select count(*), count(*) filter (where r.status = 'ADOPTED'), "
                + "count(*) filter (where r.status = 'DECLINED'), count(*) filter (where r.status = 'RECOMMENDED') "
                + "from cultivation r where r.target_committee = ?1" + yearFilter).setParameter(1, code).getSingleResult();
        return new Statistics(code, year, List.copyOf(byTarget.values()), figures(code, n(in[0]), n(in[1]), n(in[2]), n(in[3])));
    }

    private LevelFigures figures(String c, long recommended, long adopted, long declined, long pending) {
        Committee k = committees.find(c).orElse(new Committee(c, c, null, null));
        return new LevelFigures(c, k.name(), k.level(), recommended, adopted, declined, pending);
    }

    private Page<Hop> page(String where, Status status, PageRequest page) {
        var q = em.createNativeQuery("select " + COLUMNS + " from cultivation where " + where
                + (status != null ? " and status = ?2" : "") + (page.after() != null ? " and id < ?3" : "")
                + " order by id desc").setParameter(1, committee.code()).setMaxResults(page.fetchSize());
        if (status != null) {
            q.setParameter(2, status.name());
        }
        if (page.after() != null) {
            q.setParameter(3, page.after());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return Page.of(rows, page, row -> row[0].toString(), this::view);
    }

    private Journey journeyOf(UUID root) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from cultivation where root_id = ?1 "
                + "order by cardinality(journey), recommended_at").setParameter(1, root).getResultList();
        return new Journey(root.toString(), rows.stream().map(this::view).toList());
    }

    /** A hop this committee may see (on its journey), or 404. */
    private Hop hop(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from cultivation where id = ?1").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(this::view).orElseThrow(() -> Problems.notFound("cultivation item", id));
    }

    private record Row(UUID id, UUID rootId, String committee, String title, String body, String authorUserId, long version) {
    }

    /** A hop recommended to this committee and not decided yet, locked for the decision. */
    private Row decidable(UUID id, Long expectedVersion) {
        if (!deployment.hosts(committee.code())) {
            throw Problems.conflict("committee " + committee.code() + " decides in its own deployment (the parent deployment), not here");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, root_id, committee, title, body, author_user_id, version, status "
                + "from cultivation where id = ?1 and target_committee = ?2 for update").setParameter(1, id)
                .setParameter(2, committee.code()).getResultList();
        Object[] r = rows.stream().findFirst().orElseThrow(() -> Problems.notFound("cultivation item", id));
        long version = n(r[6]);
        if (expectedVersion != null && expectedVersion != version) {
            throw Problems.conflict("item " + id + " was changed by someone else (version " + version + "); reload and retry");
        }
        if (!Status.RECOMMENDED.name().equals(r[7])) {
            throw Problems.conflict("item " + id + " was already decided (" + r[7].toString().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return new Row((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5], version);
    }

    /** The member of this committee who carries an adopted item. */
    private MemberRoster.RosterMember carrier(String username, String originalAuthorUserId) {
        String code = committee.code();
        if (username != null && !username.isBlank()) {
            return roster.byUsernames(code, List.of(username.strip())).stream().findFirst()
                    .orElseThrow(() -> Problems.badRequest(username + " is not a member of this committee"));
        }
        return (originalAuthorUserId == null ? java.util.Optional.<String>empty() : roster.username(code, originalAuthorUserId))
                .flatMap(u -> roster.byUsernames(code, List.of(u)).stream().findFirst())
                .orElseThrow(() -> Problems.badRequest("the original author is not a member here: name the member who carries it "
                        + "(authorUsername) or adopt it as a collective proposal (as: COLLECTIVE)"));
    }

    private record Item(String title, String body, String number, String authorUserId, String authorName, UUID cultivatedFrom) {
    }

    private Item item(SourceKind kind, UUID id) {
        if (kind == SourceKind.PROPOSAL) {
            Proposal p = steps.lock(id);
            if (!RECOMMENDABLE.contains(p.status)) {
                throw Problems.conflict("only a registered proposal (立案) is recommended; this one is " + p.status);
            }
            return new Item(p.title, p.body, p.number, p.kind == ProposalKind.COLLECTIVE ? null : p.authorUserId,
                    p.kind == ProposalKind.COLLECTIVE ? p.onBehalfOf : p.authorName, p.cultivatedFrom);
        }
        if (kind == SourceKind.CLUE) { // a unit's topic: carried upward in the unit's name, no member to credit
            String[] c = clues.forRecommendation(id).orElseThrow(() -> Problems.notFound("clue", id));
            return new Item(c[0], c[1], null, null, c[2], null);
        }
        OpinionReport r = em.createQuery("from OpinionReport r where r.id = :id", OpinionReport.class).setParameter("id", id)
                .getResultStream().findFirst().orElseThrow(() -> Problems.notFound("opinion report", id));
        if (r.status == OpinionReport.Status.NOT_ADOPTED) {
            throw Problems.conflict("a report that was not adopted is not recommended");
        }
        return new Item(r.title, r.body, null, r.authorUserId, r.authorName, null);
    }

    private Hop view(Object[] r) {
        String committeeCode = (String) r[2];
        String target = (String) r[3];
        Adopted adopted = r[16] == null ? null : new Adopted(r[16].toString(), (String) r[17], (String) r[18], (String) r[19],
                (String) r[20], (String) r[21], (String) r[22], (String) r[23]);
        return new Hop(r[0].toString(), r[1].toString(), committeeCode, name(committeeCode, (String) r[25]), target,
                name(target, (String) r[26]), (String) r[4], r[5].toString(), (String) r[6], (String) r[7], (String) r[8], (String) r[9],
                Status.valueOf((String) r[10]), (String) r[11], instant(r[12]), (String) r[13], instant(r[14]), (String) r[15], adopted,
                (String) r[27], n(r[24]));
    }

    private String name(String code) {
        return name(code, null);
    }

    /** A committee of another deployment is named as its event named it. */
    private String name(String code, String received) {
        return committees.find(code).map(Committee::name).orElse(received != null ? received : code);
    }

    private long count(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return n(q.getSingleResult());
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) o).toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
