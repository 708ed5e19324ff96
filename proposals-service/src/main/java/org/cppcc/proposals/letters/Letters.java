package org.cppcc.proposals.letters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.Topics;
import org.cppcc.platform.events.contracts.ProposalEvents;
import org.cppcc.platform.ids.Ids;
import org.cppcc.platform.outbox.Outbox;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.time.SqlTime;
import org.cppcc.proposals.lifecycle.ProposalAccess;
import org.cppcc.proposals.submission.Proposal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * 转来信: a proposal the office does not register but turns into a letter (conversion LETTER) is kept as a letter
 * record: the office forwards it to a department (a handling unit), whose officers answer it; the office and the
 * proposer follow it. OPEN → FORWARDED → ANSWERED.
 */
@ApplicationScoped
@Transactional
public class Letters {

    public record Forward(@NotNull UUID unitId) {
    }

    public record Answer(@NotBlank @Size(max = 4000) String answer) {
    }

    public record LetterView(String id, String proposalId, String title, String authorName, String status, String unitId, String unitName,
                             Instant forwardedAt, String answer, Instant answeredAt, Instant createdAt) {
    }

    private static final String SELECT = "select l.id, l.proposal_id, l.title, l.author_name, l.status, l.unit_id, u.name, l.forwarded_at, "
            + "l.answer, l.answered_at, l.created_at, l.author_user_id from letter l left join handling_unit u on u.id = l.unit_id ";

    private final EntityManager em;
    private final ProposalAccess access;
    private final CommitteeContext committee;
    private final Outbox outbox;
    private final Clock clock;
    private final Caller caller;

    public Letters(EntityManager em, ProposalAccess access, CommitteeContext committee, Outbox outbox, Clock clock, Caller caller) {
        this.caller = caller;
        this.em = em;
        this.access = access;
        this.committee = committee;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Not registered, converted to a letter: the letter record (in the decision's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fromProposal(Proposal p) {
        em.createNativeQuery("insert into letter (id, committee, proposal_id, title, author_user_id, author_name, status, created_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, 'OPEN', ?7) on conflict (proposal_id) do nothing")
                .setParameter(1, Ids.newId()).setParameter(2, p.committee).setParameter(3, p.id).setParameter(4, p.title)
                .setParameter(5, p.authorUserId).setParameter(6, p.authorName).setParameter(7, now()).executeUpdate();
    }

    /** The office forwards the letter to a department; the department's officers are told. Forwarding again moves it. */
    public LetterView forward(UUID id, Forward f) {
        Object[] l = locked(id);
        if ("ANSWERED".equals(l[4])) {
            throw Problems.conflict("the letter has been answered");
        }
        String unitName = access.unitName(f.unitId())
                .orElseThrow(() -> Problems.badRequest("handling unit " + f.unitId() + " is not registered in this committee"));
        em.createNativeQuery("update letter set status = 'FORWARDED', unit_id = ?1, forwarded_at = ?2, version = version + 1 where id = ?3")
                .setParameter(1, f.unitId()).setParameter(2, now()).setParameter(3, id).executeUpdate();
        outbox.publish(Topics.PROPOSALS, EventTypes.LETTER_FORWARDED, committee.code(), l[1].toString(),
                new ProposalEvents.LetterForwarded(id.toString(), l[1].toString(), (String) l[2], f.unitId().toString(), unitName,
                        (String) l[11]));
        return get(id);
    }

    /** The department's answer, by an officer of the unit it was forwarded to. */
    public LetterView answer(UUID id, Answer a) {
        Object[] l = locked(id);
        if (!"FORWARDED".equals(l[4]) || !access.myUnits().contains((UUID) l[5])) {
            throw Problems.notFound("letter", id);
        }
        em.createNativeQuery("update letter set status = 'ANSWERED', answer = ?1, answered_at = ?2, version = version + 1 where id = ?3")
                .setParameter(1, a.answer().strip()).setParameter(2, now()).setParameter(3, id).executeUpdate();
        return get(id);
    }

    /** The office and leaders see every letter; a unit's officers those forwarded to their unit; the proposer their own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LetterView get(UUID id) {
        return rows(SELECT + "where l.id = ?1", id).stream().filter(this::mayRead).findFirst().map(Letters::view)
                .orElseThrow(() -> Problems.notFound("letter", id));
    }

    /** The office's board (status: OPEN, FORWARDED, ANSWERED, or all), newest first, at most 500; a unit sees its own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LetterView> list(String status) {
        if (status != null && !List.of("OPEN", "FORWARDED", "ANSWERED").contains(status)) {
            throw Problems.badRequest("status is one of OPEN, FORWARDED, ANSWERED");
        }
        String whose = access.isStaff() ? "true" : "(l.unit_id in (:units) or l.author_user_id = :me)";
        var q = em.createNativeQuery(SELECT + "where " + whose + (status == null ? "" : " and l.status = :status")
                + " order by l.created_at desc limit 500");
        if (!access.isStaff()) {
            List<UUID> units = access.myUnits();
            q.setParameter("units", units.isEmpty() ? List.of(new UUID(0, 0)) : units).setParameter("me", caller.userId());
        }
        if (status != null) {
            q.setParameter("status", status);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = q.getResultList();
        return found.stream().map(Letters::view).toList();
    }

    private boolean mayRead(Object[] l) {
        return access.isStaff() || (l[5] != null && access.myUnits().contains((UUID) l[5])) || caller.userId().equals(l[11]);
    }

    private Object[] locked(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select l.id, l.proposal_id, l.title, l.author_name, l.status, l.unit_id, null, null, "
                + "null, null, null, l.author_user_id from letter l where l.id = ?1 for update").setParameter(1, id).getResultList();
        return rows.stream().findFirst().orElseThrow(() -> Problems.notFound("letter", id));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object param) {
        var q = em.createNativeQuery(sql);
        if (param != null) {
            q.setParameter(1, param);
        }
        return q.getResultList();
    }

    private static LetterView view(Object[] r) {
        return new LetterView(r[0].toString(), r[1].toString(), (String) r[2], (String) r[3], (String) r[4], r[5] == null ? null : r[5].toString(),
                (String) r[6], r[7] == null ? null : SqlTime.instant(r[7]), (String) r[8], r[9] == null ? null : SqlTime.instant(r[9]),
                SqlTime.instant(r[10]));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
