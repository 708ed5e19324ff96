package org.cppcc.members.roster;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.Topics;
import org.cppcc.platform.events.contracts.MemberJoined;
import org.cppcc.platform.idempotency.Idempotency;
import org.cppcc.platform.idempotency.Idempotency.Created;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.outbox.Outbox;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class MemberService {

    public record JoinMember(
            @NotBlank @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a Keycloak user id") String userId,
            @NotBlank @Size(max = 64) String username,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 10) String gender,
            @Size(max = 20) String ethnicity,
            @Size(max = 50) String party,
            @Size(max = 50) String sector,
            @Size(max = 200) String workUnit,
            @Size(max = 100) String jobTitle,
            boolean standingCommittee,
            @Email @Size(max = 200) String email,
            @Pattern(regexp = "\\+?[0-9]{6,20}", message = "must be a phone number") String mobile) {
    }

    public record MemberView(String id, String committee, String userId, String username, String name, String gender,
                             String ethnicity, String party, String sector, String workUnit, String jobTitle,
                             boolean standingCommittee, String email, String mobile, Instant joinedAt) {
        static MemberView of(Member m) {
            return new MemberView(m.id.toString(), m.committee, m.userId, m.username, m.name, m.gender, m.ethnicity, m.party,
                    m.sector, m.workUnit, m.jobTitle, m.standingCommittee, m.email, m.mobile, m.joinedAt);
        }
    }

    private final Outbox outbox;
    private final Idempotency idempotency;
    private final CommitteeContext committee;
    private final Caller caller;

    public MemberService(Outbox outbox, Idempotency idempotency, CommitteeContext committee, Caller caller) {
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.committee = committee;
        this.caller = caller;
    }

    public Created<MemberView> join(JoinMember r, String idempotencyKey) {
        return idempotency.once(idempotencyKey, "members.join:" + committee.code() + ":" + caller.userId(), MemberView.class, () -> {
            boolean already = !Panache.getEntityManager().createQuery("select m.id from Member m where m.userId = :u", UUID.class)
                    .setParameter("u", r.userId()).getResultList().isEmpty();
            if (already) {
                throw Problems.conflict("user " + r.username() + " is already a member of committee " + committee.code());
            }
            Member m = new Member();
            m.id = Ids.newId();
            m.userId = r.userId();
            m.username = r.username();
            m.name = r.name().strip();
            m.gender = r.gender();
            m.ethnicity = r.ethnicity();
            m.party = r.party();
            m.sector = r.sector();
            m.workUnit = r.workUnit();
            m.jobTitle = r.jobTitle();
            m.standingCommittee = r.standingCommittee();
            m.email = r.email();
            m.mobile = r.mobile();
            m.joinedAt = Instant.now();
            Panache.getEntityManager().persist(m);
            outbox.publish(Topics.MEMBERS, EventTypes.MEMBER_JOINED, committee.code(), m.id.toString(),
                    new MemberJoined(m.id.toString(), m.userId, m.username, m.name, m.sector, m.email, m.mobile));
            return new Created<>(m.id.toString(), MemberView.of(m));
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MemberView> list(PageRequest page) {
        var q = Panache.getEntityManager().createQuery("from Member m" + (page.after() != null ? " where m.id < :after" : "")
                + " order by m.id desc", Member.class).setMaxResults(page.fetchSize());
        if (page.after() != null) {
            q.setParameter("after", page.after());
        }
        List<Member> rows = q.getResultList();
        return Page.of(rows, page, m -> m.id.toString(), MemberView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberView get(UUID id) {
        return Panache.getEntityManager().createQuery("from Member m where m.id = :id", Member.class).setParameter("id", id)
                .getResultStream().findFirst().map(MemberView::of).orElseThrow(() -> Problems.notFound("member", id));
    }
}
