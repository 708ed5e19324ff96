package org.cppcc.proposals.disclosure;

import jakarta.annotation.security.PermitAll;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.time.SqlTime;
import org.cppcc.proposals.handling.HandlingQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** 公开: what a committee has published, for everyone (no login): the proposal, its number and the replies. */
@Path("/committees/{code}/public/proposals")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "public", description = "公开的提案与答复")
public class PublicProposalsResource {

    public record PublishedProposal(String id, String number, String title, String body, String authorName, Instant publishedAt,
                                    List<HandlingQueries.ReplyView> replies) {
    }

    private final EntityManager em;
    private final CommitteeContext committee;
    private final ObjectMapper json;

    public PublicProposalsResource(EntityManager em, CommitteeContext committee, ObjectMapper json) {
        this.em = em;
        this.committee = committee;
        this.json = json;
    }

    /**
     * One query for a page: each proposal with its replies and their attachments' descriptions, aggregated as JSON
     * by PostgreSQL (anyone can call this, so it must not cost a query per item).
     */
    private static final String SELECT = "select p.id, p.number, p.title, p.body, p.author_name, p.published_at, coalesce(("
            + "select json_agg(json_build_object('id', r.id, 'unitName', u.name, 'classification', r.classification, 'body', r.body, "
            + "'round', a.handling_round, 'repliedAt', to_char(r.replied_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), "
            + "'attachments', coalesce((select json_agg(json_build_object('id', f.id, 'name', f.name, 'contentType', f.content_type, "
            + "'size', f.size) order by f.name) from reply_attachment f where f.reply_id = r.id), '[]'::json)) order by r.replied_at) "
            + "from reply r join assignment a on a.id = r.assignment_id join handling_unit u on u.id = a.unit_id "
            + "where r.proposal_id = p.id), '[]'::json)::text from proposal p where p.committee = :c and p.published ";

    @GET
    @org.eclipse.microprofile.openapi.annotations.extensions.Extension(name = "x-public", value = "true")
    @Transactional
    @Operation(summary = "Published proposals of the committee, newest first")
    public Page<PublishedProposal> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        var q = em.createNativeQuery(SELECT + (page.after() != null ? "and p.id < :after " : "") + "order by p.id desc limit " + page.fetchSize())
                .setParameter("c", committee.code());
        if (page.after() != null) {
            q.setParameter("after", page.after());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return Page.of(rows, page, r -> r[0].toString(), this::view);
    }

    @GET
    @org.eclipse.microprofile.openapi.annotations.extensions.Extension(name = "x-public", value = "true")
    @Path("{id}")
    @Transactional
    @Operation(summary = "One published proposal with its replies")
    public PublishedProposal get(@PathParam("id") UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + "and p.id = :id").setParameter("c", committee.code()).setParameter("id", id)
                .getResultList();
        return rows.stream().findFirst().map(this::view).orElseThrow(() -> Problems.notFound("published proposal", id));
    }

    private PublishedProposal view(Object[] r) {
        try {
            List<HandlingQueries.ReplyView> replies = json.readValue((String) r[6], new TypeReference<>() { });
            return new PublishedProposal(r[0].toString(), (String) r[1], (String) r[2], (String) r[3], (String) r[4], SqlTime.instant(r[5]),
                    replies);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("replies of proposal " + r[0] + " unreadable", e);
        }
    }
}
