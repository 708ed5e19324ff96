package org.cppcc.proposals.library;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cppcc.platform.paging.Cursor;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.time.SqlTime;
import org.cppcc.proposals.submission.ProposalKind;
import org.cppcc.proposals.submission.ProposalStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * 提案库: full-text search over the committee's filed proposals — titles, texts and replies, in Chinese — with
 * filters, title hits first, then newest first, paged by cursor. The text index is the database's (ADR 0013:
 * character bigrams in GIN-indexed tsvectors kept by triggers), so a phrase inside a longer text is found, and a
 * two-character word (养老, 垃圾, 教育) uses the index like any other. Two passes, each newest first — the titles'
 * index, then the full text's without the title hits — so a word found in most proposals still answers at once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProposalLibrary {

    /** What may narrow a search; every field is optional. */
    public record Filters(String status, String kind, UUID unitId, String sector, Integer term, Integer session, String number,
                          Boolean key, String author, String tag) {
    }

    public record Hit(String id, String number, String title, String status, String kind, String authorName, String authorSector,
                      Integer term, Integer session, boolean keyProposal, boolean inTitle, Instant submittedAt) {
    }

    private final EntityManager em;
    private final CommitteeContext committee;

    public ProposalLibrary(EntityManager em, CommitteeContext committee) {
        this.em = em;
        this.committee = committee;
    }

    public Page<Hit> search(String q, Filters f, String cursor, Integer limit) {
        if (q == null || q.isBlank() || q.length() > 100) {
            throw Problems.badRequest("q, the words to search for, is required (at most 100 characters)");
        }
        if (em.createNativeQuery("select cppcc_bigram_query(?1) is null").setParameter(1, q).getSingleResult() == Boolean.TRUE) {
            throw Problems.badRequest("q has nothing to search for (only punctuation)");
        }
        PageRequest page = PageRequest.of(null, limit);
        boolean inTitles = true;
        UUID after = null;
        if (cursor != null && !cursor.isBlank()) {
            String[] c = Cursor.decodeText(cursor).split(":", 2);
            try {
                inTitles = switch (c[0]) {
                    case "t" -> true;
                    case "b" -> false;
                    default -> throw new IllegalArgumentException(c[0]);
                };
                after = UUID.fromString(c[1]);
            } catch (RuntimeException e) {
                throw Problems.badRequest("cursor is not one this service gave out");
            }
        }
        // two passes, each answered by its own index and newest first: hits in the title, then hits elsewhere only
        List<Hit> rows = new ArrayList<>();
        if (inTitles) {
            rows.addAll(pass(q, f, "t.search_title @@ cppcc_bigram_query(?2)", true, after, page.fetchSize()));
            after = null;
        }
        if (rows.size() < page.fetchSize()) {
            rows.addAll(pass(q, f, "t.search @@ cppcc_bigram_query(?2) and not (t.search_title @@ cppcc_bigram_query(?2))", false, after,
                    page.fetchSize() - rows.size()));
        }
        return Page.of(rows, page, h -> (h.inTitle() ? "t:" : "b:") + h.id(), h -> h);
    }

    private List<Hit> pass(String q, Filters f, String match, boolean inTitle, UUID after, int max) {
        List<Object> params = new ArrayList<>(List.of(committee.code(), q));
        // candidates from proposal_text's indexes (no row policy there: see V12), read through proposal, whose policy decides
        StringBuilder where = new StringBuilder("t.tenant = ?1 and p.committee = ?1 and p.status not in ('DRAFT', 'WITHDRAWN') and ").append(match);
        if (f.status() != null) {
            where.append(" and p.status = ?").append(add(params, enumName(ProposalStatus.class, f.status(), "status")));
        }
        if (f.kind() != null) {
            where.append(" and p.kind = ?").append(add(params, enumName(ProposalKind.class, f.kind(), "kind")));
        }
        if (f.unitId() != null) {
            where.append(" and exists (select 1 from assignment a where a.proposal_id = p.id and a.unit_id = ?").append(add(params, f.unitId()))
                    .append(")");
        }
        if (f.sector() != null) {
            where.append(" and p.author_sector = ?").append(add(params, f.sector()));
        }
        if (f.term() != null) {
            where.append(" and p.term = ?").append(add(params, f.term()));
        }
        if (f.session() != null) {
            where.append(" and p.session = ?").append(add(params, f.session()));
        }
        if (f.number() != null) {
            where.append(" and p.number = ?").append(add(params, f.number()));
        }
        if (f.key() != null) {
            where.append(" and p.key_proposal = ?").append(add(params, f.key()));
        }
        if (f.author() != null) {
            where.append(" and p.author_name = ?").append(add(params, f.author()));
        }
        if (f.tag() != null) {
            // @> so that the GIN index of the tags can answer
            where.append(" and p.tags @> array[cast(?").append(add(params, f.tag())).append(" as varchar)]");
        }
        if (after != null) {
            where.append(" and t.proposal_id < ?").append(add(params, after));
        }
        var query = em.createNativeQuery("select p.id, p.number, p.title, p.status, p.kind, p.author_name, p.author_sector, p.term, "
                + "p.session, p.key_proposal, p.submitted_at from proposal_text t join proposal p on p.id = t.proposal_id where " + where
                + " order by t.proposal_id desc").setMaxResults(max);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Hit(r[0].toString(), (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                (String) r[6], (Integer) r[7], (Integer) r[8], (Boolean) r[9], inTitle, SqlTime.instant(r[10]))).toList();
    }

    private static int add(List<Object> params, Object value) {
        params.add(value);
        return params.size();
    }

    private static <E extends Enum<E>> String enumName(Class<E> type, String value, String what) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest(what + " " + value + " is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
