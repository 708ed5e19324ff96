package org.cppcc.proposals.handling;

import org.cppcc.platform.time.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cppcc.platform.paging.Cursor;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.proposals.lifecycle.ProposalAccess;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What units and proposers read about handling: assignments, replies, notes. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HandlingQueries {

    public record AssignmentView(String id, String proposalId, String proposalTitle, String proposalNumber, String unitId, String unitName,
                                 String role, int round, LocalDate deadline, String status) {
    }

    public record AttachmentInfo(String id, String name, String contentType, int size) {
    }

    public record ReplyView(String id, String unitName, String classification, String body, int round, Instant repliedAt,
                            List<AttachmentInfo> attachments) {
    }

    public record FeedbackView(String proposalId, String proposalTitle, String proposalNumber, int round, String byUserId,
                               boolean byProposer, String replyRating, String contactRating, String comment, Instant givenAt) {
    }

    /** A stored attachment's content. */
    public record File(String name, String contentType, byte[] content) {
    }

    public record NoteView(String unitName, String kind, String body, Instant writtenAt) {
    }

    private static final String ASSIGNMENT_SELECT = "select a.id, a.proposal_id, p.title, p.number, a.unit_id, u.name, a.role, a.handling_round, "
            + "a.deadline, a.status from assignment a join proposal p on p.id = a.proposal_id join handling_unit u on u.id = a.unit_id ";

    private final EntityManager em;
    private final CommitteeContext committee;
    private final ProposalAccess access;

    public HandlingQueries(EntityManager em, CommitteeContext committee, ProposalAccess access) {
        this.em = em;
        this.committee = committee;
        this.access = access;
    }

    /** 我的交办: the caller's units' open assignments, nearest deadline first, a page at a time (cursor: deadline and id). */
    public Page<AssignmentView> mine(String cursor, Integer limit) {
        int size = PageRequest.of(null, limit).limit();
        List<UUID> units = access.myUnits();
        if (units.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        String after = cursor == null || cursor.isBlank() ? null : Cursor.decodeText(cursor);
        String sql = ASSIGNMENT_SELECT + "where a.committee = :c and a.unit_id in (:units) and a.status = 'OPEN'"
                + (after != null ? " and (a.deadline, a.id) > (cast(:d as date), cast(:id as uuid))" : "") + " order by a.deadline, a.id limit " + (size + 1);
        var q = em.createNativeQuery(sql).setParameter("c", committee.code()).setParameter("units", units);
        if (after != null) {
            String[] parts = after.split("\\|");
            if (parts.length != 2) {
                throw org.cppcc.platform.problem.Problems.badRequest("cursor is not one this service gave out");
            }
            q.setParameter("d", parts[0]).setParameter("id", parts[1]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<AssignmentView> views = rows.stream().map(HandlingQueries::view).toList();
        boolean more = views.size() > size;
        List<AssignmentView> items = more ? views.subList(0, size) : views;
        AssignmentView last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new Page<>(items, more ? Cursor.encode(last.deadline() + "|" + last.id()) : null);
    }

    public List<AssignmentView> ofProposal(UUID proposalId) {
        return assignments(ASSIGNMENT_SELECT + "where a.committee = :c and a.proposal_id = :p order by a.handling_round, a.role desc, u.name", proposalId);
    }

    /** The open assignments of several proposals at once (督办 lists), nearest deadline first. */
    public List<AssignmentView> openOf(java.util.Collection<UUID> proposalIds) {
        if (proposalIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(ASSIGNMENT_SELECT + "where a.committee = :c and a.proposal_id in (:ids) and a.status = 'OPEN' "
                        + "order by a.deadline, a.id").setParameter("c", committee.code()).setParameter("ids", proposalIds).getResultList();
        return rows.stream().map(HandlingQueries::view).toList();
    }

    /** Open assignments due by a date (督办: overdue when the date is today, due soon when later). */
    /** Open assignments with deadlines in [from, to), nearest first, at most {@code limit} (an index range: assignment_open_by_deadline). */
    public List<AssignmentView> due(LocalDate from, LocalDate to, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(ASSIGNMENT_SELECT + "where a.committee = ?1 and a.status = 'OPEN' and a.deadline >= ?2 "
                        + "and a.deadline < ?3 order by a.deadline, a.id limit ?4")
                .setParameter(1, committee.code()).setParameter(2, from).setParameter(3, to).setParameter(4, limit).getResultList();
        return rows.stream().map(HandlingQueries::view).toList();
    }

    /** How many open assignments are overdue (deadline before {@code today}) and due in [today, until). */
    public long[] dueCounts(LocalDate today, LocalDate until) {
        Object[] r = (Object[]) em.createNativeQuery("select count(*) filter (where deadline < ?2), count(*) filter (where deadline >= ?2) "
                        + "from assignment where committee = ?1 and status = 'OPEN' and deadline < ?3")
                .setParameter(1, committee.code()).setParameter(2, today).setParameter(3, until).getSingleResult();
        return new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()};
    }

    public List<ReplyView> replies(UUID proposalId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select u.name, r.classification, r.body, a.handling_round, r.replied_at, r.id from reply r "
                        + "join assignment a on a.id = r.assignment_id join handling_unit u on u.id = a.unit_id "
                        + "where r.committee = ?1 and r.proposal_id = ?2 order by r.replied_at")
                .setParameter(1, committee.code()).setParameter(2, proposalId).getResultList();
        return rows.stream().map(r -> new ReplyView(r[5].toString(), (String) r[0], String.valueOf(r[1]), (String) r[2], ((Number) r[3]).intValue(),
                SqlTime.instant(r[4]), attachments((UUID) r[5]))).toList();
    }

    private List<AttachmentInfo> attachments(UUID replyId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, name, content_type, size from reply_attachment where reply_id = ?1 and committee = ?2 order by name")
                .setParameter(1, replyId).setParameter(2, committee.code()).getResultList();
        return rows.stream().map(r -> new AttachmentInfo(r[0].toString(), (String) r[1], (String) r[2], ((Number) r[3]).intValue())).toList();
    }

    /** An attachment of one of this proposal's replies, or empty. */
    public java.util.Optional<File> attachment(UUID proposalId, UUID attachmentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select f.name, f.content_type, f.content from reply_attachment f join reply r on r.id = f.reply_id "
                        + "where f.id = ?1 and r.proposal_id = ?2 and f.committee = ?3")
                .setParameter(1, attachmentId).setParameter(2, proposalId).setParameter(3, committee.code()).getResultList();
        return rows.stream().findFirst().map(r -> new File((String) r[0], (String) r[1], (byte[]) r[2]));
    }

    /** 反馈情况: every rating given in the committee, newest first, a page at a time. */
    public Page<FeedbackView> feedback(PageRequest page) {
        var q = em.createNativeQuery("select p.id, p.title, p.number, f.handling_round, f.user_id, f.user_id = p.author_user_id, "
                        + "f.reply_rating, f.contact_rating, f.comment, f.given_at, f.id from feedback f join proposal p on p.id = f.proposal_id "
                        + "where f.committee = ?1" + (page.after() != null ? " and f.id < ?2" : "") + " order by f.id desc limit " + page.fetchSize())
                .setParameter(1, committee.code());
        if (page.after() != null) {
            q.setParameter(2, page.after());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return Page.of(rows, page, r -> r[10].toString(), r -> new FeedbackView(r[0].toString(), (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), (String) r[4], (Boolean) r[5], (String) r[6], (String) r[7], (String) r[8], SqlTime.instant(r[9])));
    }

    public List<NoteView> notes(UUID proposalId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select u.name, n.kind, n.body, n.written_at from handling_note n "
                        + "join assignment a on a.id = n.assignment_id join handling_unit u on u.id = a.unit_id "
                        + "where n.committee = ?1 and n.proposal_id = ?2 order by n.written_at")
                .setParameter(1, committee.code()).setParameter(2, proposalId).getResultList();
        return rows.stream().map(r -> new NoteView((String) r[0], (String) r[1], (String) r[2], SqlTime.instant(r[3]))).toList();
    }

    private List<AssignmentView> assignments(String sql, Object arg) {
        var q = em.createNativeQuery(sql).setParameter("c", committee.code());
        if (sql.contains(":units")) {
            q.setParameter("units", arg);
        } else if (sql.contains(":p")) {
            q.setParameter("p", arg);
        } else {
            q.setParameter("d", arg);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(HandlingQueries::view).toList();
    }

    private static AssignmentView view(Object[] r) {
        return new AssignmentView(r[0].toString(), r[1].toString(), (String) r[2], (String) r[3], r[4].toString(),
                (String) r[5], (String) r[6], ((Number) r[7]).intValue(), date(r[8]), (String) r[9]);
    }

    private static LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

}
