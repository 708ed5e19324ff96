package org.cppcc.proposals.joint;

import org.cppcc.platform.time.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cppcc.platform.roster.MemberRoster;
import org.cppcc.platform.roster.MemberRoster.RosterMember;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.tenancy.CommitteeContext;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 联名: the co-signers of joint proposals, chosen from the committee's roster (members-service's events). Only
 * members of the committee can be invited; only those who accepted before the deadline count.
 */
@ApplicationScoped
public class Cosigners {

    public static final String INVITED = "INVITED";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String DECLINED = "DECLINED";
    public static final String EXPIRED = "EXPIRED";

    public record CosignerView(String userId, String username, String name, String status, Instant respondedAt) {
    }

    public record Request(String proposalId, String title, String authorName, Instant signingDeadline) {
    }

    private final EntityManager em;
    private final CommitteeContext committee;
    private final MemberRoster roster;
    private final Clock clock;

    public Cosigners(EntityManager em, CommitteeContext committee, MemberRoster roster, Clock clock) {
        this.em = em;
        this.committee = committee;
        this.roster = roster;
        this.clock = clock;
    }

    /** Members of this committee by user name (from the roster read model); an unknown one is bad input. */
    public List<RosterMember> members(List<String> usernames) {
        return roster.byUsernames(committee.code(), usernames);
    }

    public void invite(UUID proposalId, List<RosterMember> members) {
        for (RosterMember m : members) {
            em.createNativeQuery("insert into cosigner (proposal_id, committee, user_id, username, name, status, invited_at) "
                            + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (proposal_id, user_id) do nothing")
                    .setParameter(1, proposalId).setParameter(2, committee.code()).setParameter(3, m.userId()).setParameter(4, m.username())
                    .setParameter(5, m.name()).setParameter(6, INVITED).setParameter(7, now()).executeUpdate();
        }
    }

    /** A co-proposer added by a merge (并案): counts as accepted. */
    public void addAccepted(UUID proposalId, String userId, String username, String name) {
        em.createNativeQuery("insert into cosigner (proposal_id, committee, user_id, username, name, status, invited_at, responded_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, 'ACCEPTED', ?6, ?6) on conflict (proposal_id, user_id) do update set status = 'ACCEPTED'")
                .setParameter(1, proposalId).setParameter(2, committee.code()).setParameter(3, userId).setParameter(4, username)
                .setParameter(5, name).setParameter(6, now()).executeUpdate();
    }

    public Optional<String> usernameOf(String userId) {
        return roster.username(committee.code(), userId);
    }

    public Optional<String> status(UUID proposalId, String userId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select status from cosigner where proposal_id = ?1 and user_id = ?2 and committee = ?3")
                .setParameter(1, proposalId).setParameter(2, userId).setParameter(3, committee.code()).getResultList();
        return rows.stream().findFirst();
    }

    public void answer(UUID proposalId, String userId, boolean accept) {
        int n = em.createNativeQuery("update cosigner set status = ?1, responded_at = ?2 where proposal_id = ?3 and user_id = ?4 and status = 'INVITED'")
                .setParameter(1, accept ? ACCEPTED : DECLINED).setParameter(2, now()).setParameter(3, proposalId).setParameter(4, userId)
                .executeUpdate();
        if (n == 0) {
            throw Problems.conflict("you have already answered this invitation");
        }
    }

    /** At registration, invitations nobody answered lapse. */
    public void expirePending(UUID proposalId) {
        em.createNativeQuery("update cosigner set status = 'EXPIRED' where proposal_id = ?1 and status = 'INVITED'")
                .setParameter(1, proposalId).executeUpdate();
    }

    public List<CosignerView> of(UUID proposalId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select user_id, username, name, status, responded_at from cosigner "
                + "where proposal_id = ?1 and committee = ?2 order by invited_at, username")
                .setParameter(1, proposalId).setParameter(2, committee.code()).getResultList();
        return rows.stream().map(r -> new CosignerView((String) r[0], (String) r[1], (String) r[2], (String) r[3], SqlTime.instant(r[4]))).toList();
    }

    /** 联名邀请: the caller's open invitations in this committee. */
    public List<Request> openRequestsFor(String userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select p.id, p.title, p.author_name, p.signing_deadline from cosigner c "
                        + "join proposal p on p.id = c.proposal_id where c.committee = ?1 and c.user_id = ?2 and c.status = 'INVITED' "
                        + "and p.status in ('DRAFT', 'SUBMITTED', 'RETURNED') order by p.signing_deadline")
                .setParameter(1, committee.code()).setParameter(2, userId).getResultList();
        return rows.stream().map(r -> new Request(r[0].toString(), (String) r[1], (String) r[2], SqlTime.instant(r[3]))).toList();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

}
