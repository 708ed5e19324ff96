package org.cppcc.members.roster;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cppcc.members.accounts.AccountSync.AccountDue;
import org.cppcc.members.registry.Registry;
import org.cppcc.platform.idempotency.Idempotency;
import org.cppcc.platform.idempotency.Idempotency.Created;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.tenancy.Roles;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The roster of a committee: members join (with a Keycloak account), change, and leave. */
@ApplicationScoped
@Transactional
public class MemberService {

    /**
     * A member's profile as staff enter it (API or import). userId links an existing Keycloak account;
     * without it the account is found by user name or created.
     */
    public record JoinMember(
            @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a Keycloak user id") String userId,
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}", message = "must be 2-64 lower-case letters, digits, '.', '_' or '-'") String username,
            @NotBlank @Size(max = 100) String name,
            @Pattern(regexp = "男|女", message = "must be 男 or 女") String gender,
            @Size(max = 20) String ethnicity,
            @Size(max = 50) String party,
            @Size(max = 50) String sector,
            @Size(max = 100) String specialCommittee,
            @Size(max = 200) String workUnit,
            @Size(max = 100) String jobTitle,
            boolean standingCommittee,
            @Email @Size(max = 200) String email,
            @Pattern(regexp = "\\+?[0-9]{6,20}", message = "must be a phone number") String mobile,
            @Size(max = 10) List<@NotBlank @Size(max = 20) @Pattern(regexp = "[^;]+", message = "must not contain ';'") String> termsServed) {
    }

    /** What a member may change about themselves from the app. */
    public record Contact(@Email @Size(max = 200) String email,
                          @Pattern(regexp = "\\+?[0-9]{6,20}", message = "must be a phone number") String mobile) {
    }

    public record EndMembership(@NotBlank @Size(max = 200) String reason) {
    }

    public record MemberView(String id, String committee, String userId, String username, String name, String gender,
                             String ethnicity, String party, String sector, String specialCommittee, String workUnit,
                             String jobTitle, boolean standingCommittee, String email, String mobile, List<String> termsServed,
                             Instant joinedAt, String status, Instant endedAt, String endReason, String accountState,
                             String accountError, long version) {
        /** What other members see of a member: the profile and contact, not the state of their account. */
        MemberView withoutAccount() {
            return new MemberView(id, committee, userId, username, name, gender, ethnicity, party, sector, specialCommittee, workUnit,
                    jobTitle, standingCommittee, email, mobile, termsServed, joinedAt, status, endedAt, endReason, null, null, version);
        }

        /** What other members see of a member: no e-mail or mobile (personal data for the member and the committee's staff). */
        MemberView withoutContact() {
            return new MemberView(id, committee, userId, username, name, gender, ethnicity, party, sector, specialCommittee, workUnit,
                    jobTitle, standingCommittee, null, null, termsServed, joinedAt, status, endedAt, endReason, accountState, accountError,
                    version);
        }

        public static MemberView of(Member m) {
            return new MemberView(m.id.toString(), m.committee, m.userId, m.username, m.name, m.gender, m.ethnicity, m.party,
                    m.sector, m.specialCommittee, m.workUnit, m.jobTitle, m.standingCommittee, m.email, m.mobile,
                    List.copyOf(m.termsServed), m.joinedAt, m.status, m.endedAt, m.endReason, m.accountState, m.accountError, m.version);
        }
    }

    /** What an upsert did (for the import report). */
    public enum Upsert { CREATED, UPDATED, UNCHANGED }

    private final EntityManager em;
    private final Idempotency idempotency;
    private final CommitteeContext committee;
    private final Caller caller;
    private final Registry registry;
    private final RosterEventsPublisher events;
    private final Event<AccountDue> accountDue;
    private final org.cppcc.members.accounts.AccountOwnership ownership;
    private final Clock clock;

    public MemberService(EntityManager em, Idempotency idempotency, CommitteeContext committee, Caller caller, Registry registry,
                         RosterEventsPublisher events, Event<AccountDue> accountDue, Clock clock,
                         org.cppcc.members.accounts.AccountOwnership ownership) {
        this.ownership = ownership;
        this.em = em;
        this.idempotency = idempotency;
        this.committee = committee;
        this.caller = caller;
        this.registry = registry;
        this.events = events;
        this.accountDue = accountDue;
        this.clock = clock;
    }

    /**
     * Keycloak is asked first, outside any transaction, and the member is stored in a transaction of its own: a call to
     * another server made while a database transaction is open holds a pooled connection for as long as it takes, and
     * the admin client's reactive call, failing while Keycloak was down, is the likely reason a commit once failed
     * (e2e fault suite R3: "Enlisted connection used without active transaction", a 500; docs/reliability.md).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Created<MemberView> join(JoinMember r, String idempotencyKey) {
        boolean checked = ownership.checkMayLink(committee.code(), r.userId(), r.username());
        return QuarkusTransaction.requiringNew().call(() -> idempotency.once(idempotencyKey, "members.join:" + committee.code() + ":"
                + caller.userId(), MemberView.class, () -> {
            if (byUsername(r.username()).isPresent() || (r.userId() != null && byUserId(r.userId()).isPresent())) {
                throw Problems.conflict("user " + r.username() + " is already on the roster of committee " + committee.code());
            }
            Member m = create(r, checked);
            return new Created<>(m.id.toString(), MemberView.of(m));
        }));
    }

    /** Creates the member, or updates the one with this user name (re-import never duplicates). */
    public Upsert upsert(JoinMember r) {
        Optional<Member> existing = byUsername(r.username());
        if (existing.isEmpty()) {
            create(r);
            return Upsert.CREATED;
        }
        return apply(existing.get(), r) ? Upsert.UPDATED : Upsert.UNCHANGED;
    }

    /** Staff replace a member's profile; If-Match carries the version they edited. */
    public MemberView update(UUID id, JoinMember r, Long expectedVersion) {
        Member m = find(id);
        if (expectedVersion != null && expectedVersion != m.version) {
            throw Problems.conflict("member " + id + " was changed by someone else (version " + m.version + "); reload and retry");
        }
        if (!m.username.equals(r.username()) || (r.userId() != null && !r.userId().equals(m.userId))) {
            throw Problems.badRequest("a member's user name and account cannot be changed; end this membership and add the person anew");
        }
        if (!m.active()) {
            throw Problems.conflict("the membership of " + m.username + " has ended");
        }
        apply(m, r);
        em.flush();
        return MemberView.of(m);
    }

    /** Ends a membership: the member role goes, and the account is disabled if no role is left anywhere. */
    public MemberView end(UUID id, EndMembership r) {
        Member m = find(id);
        if (!m.active()) {
            return MemberView.of(m); // already ended: the same request twice changes nothing more
        }
        m.status = Member.ENDED;
        m.endedAt = clock.instant();
        m.endReason = r.reason().strip();
        m.accountState = Member.ACCOUNT_PENDING;
        events.left(m);
        accountDue.fire(new AccountDue(m.id));
        em.flush();
        return MemberView.of(m);
    }

    /** A member changes their own contact details in this committee. */
    public MemberView updateMyContact(Contact c) {
        Member m = byUserId(caller.userId()).filter(Member::active)
                .orElseThrow(() -> Problems.forbidden("you are not a member of committee " + committee.code()));
        if (!Objects.equals(m.email, c.email()) || !Objects.equals(m.mobile, c.mobile())) {
            m.email = c.email();
            m.mobile = c.mobile();
            m.accountState = Member.ACCOUNT_PENDING; // the account's e-mail follows
            events.changed(m);
            accountDue.fire(new AccountDue(m.id));
        }
        em.flush();
        return MemberView.of(m);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberView mine() {
        return byUserId(caller.userId()).map(MemberView::of)
                .orElseThrow(() -> Problems.forbidden("you are not a member of committee " + committee.code()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MemberView> list(PageRequest page, String status, String sector) {
        StringBuilder jpql = new StringBuilder("from Member m where 1 = 1");
        if (status != null) {
            jpql.append(" and m.status = :status");
        }
        if (sector != null) {
            jpql.append(" and m.sector = :sector");
        }
        if (page.after() != null) {
            jpql.append(" and m.id < :after");
        }
        var q = em.createQuery(jpql + " order by m.id desc", Member.class).setMaxResults(page.fetchSize());
        if (status != null) {
            q.setParameter("status", status.toUpperCase(java.util.Locale.ROOT));
        }
        if (sector != null) {
            q.setParameter("sector", sector);
        }
        if (page.after() != null) {
            q.setParameter("after", page.after());
        }
        return Page.of(q.getResultList(), page, m -> m.id.toString(), m -> forCaller(MemberView.of(m)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberView get(UUID id) {
        return forCaller(MemberView.of(find(id)));
    }

    /**
     * Account state and errors are for the committee's administrators; e-mail and mobile for the member and the
     * committee's staff (offices, leaders, administrators), not for other members.
     */
    private MemberView forCaller(MemberView v) {
        boolean admin = committee.has(Roles.COMMITTEE_ADMIN) || caller.platformAdmin();
        boolean staff = admin || committee.has(Roles.PROPOSAL_OFFICE) || committee.has(Roles.CONSULTATION_OFFICE) || committee.has(Roles.LEADER);
        MemberView shown = admin ? v : v.withoutAccount();
        return staff || caller.userId().equals(v.userId()) ? shown : shown.withoutContact();
    }

    /** A member of the current committee (tenant-scoped: another committee's id is simply not found). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Member find(UUID id) {
        return em.createQuery("from Member m where m.id = :id", Member.class).setParameter("id", id)
                .getResultStream().findFirst().orElseThrow(() -> Problems.notFound("member", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Member> byUserId(String userId) {
        return em.createQuery("from Member m where m.userId = :u", Member.class).setParameter("u", userId).getResultStream().findFirst();
    }

    private Optional<Member> byUsername(String username) {
        return em.createQuery("from Member m where m.username = :u", Member.class).setParameter("u", username).getResultStream().findFirst();
    }

    private Member create(JoinMember r) {
        return create(r, ownership.checkMayLink(committee.code(), r.userId(), r.username()));
    }

    /** @param checked whether Keycloak confirmed the account may be linked (false: the sync checks before linking) */
    private Member create(JoinMember r, boolean checked) {
        checkAgainstRegistry(r);
        Member m = new Member();
        m.accountCheckDeferred = !checked;
        m.id = Ids.newId();
        m.committee = committee.code();
        m.userId = r.userId();
        m.username = r.username();
        m.joinedAt = clock.instant();
        copy(r, m);
        em.persist(m);
        events.joined(m);
        accountDue.fire(new AccountDue(m.id));
        return m;
    }

    /** Copies the profile onto a member; true if anything changed (then it is announced and synced). */
    private boolean apply(Member m, JoinMember r) {
        checkAgainstRegistry(r);
        MemberView before = MemberView.of(m);
        boolean wasActive = m.active();
        copy(r, m);
        if (!wasActive) { // re-imported after leaving: a member again
            m.status = Member.ACTIVE;
            m.endedAt = null;
            m.endReason = null;
            m.joinedAt = clock.instant();
        }
        if (MemberView.of(m).equals(before)) {
            return false;
        }
        m.accountState = Member.ACCOUNT_PENDING;
        if (wasActive) {
            events.changed(m);
        } else {
            events.joined(m);
        }
        accountDue.fire(new AccountDue(m.id));
        return true;
    }

    private static void copy(JoinMember r, Member m) {
        m.name = r.name().strip();
        m.gender = r.gender();
        m.ethnicity = blankToNull(r.ethnicity());
        m.party = blankToNull(r.party());
        m.sector = blankToNull(r.sector());
        m.specialCommittee = blankToNull(r.specialCommittee());
        m.workUnit = blankToNull(r.workUnit());
        m.jobTitle = blankToNull(r.jobTitle());
        m.standingCommittee = r.standingCommittee();
        m.email = blankToNull(r.email());
        m.mobile = blankToNull(r.mobile());
        m.termsServed = r.termsServed() == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(r.termsServed());
    }

    private void checkAgainstRegistry(JoinMember r) {
        check(Registry.SECTORS, "sector", r.sector());
        check(Registry.SPECIAL_COMMITTEES, "special committee", r.specialCommittee());
    }

    private void check(String list, String what, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        List<String> allowed = registry.names(list);
        if (!allowed.isEmpty() && !allowed.contains(value.strip())) {
            throw Problems.badRequest(what + " '" + value + "' is not one of committee " + committee.code() + "'s: " + String.join("、", allowed));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
