package org.cppcc.proposals.disclosure;

import jakarta.annotation.security.PermitAll;
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
import org.cppcc.proposals.handling.HandlingQueries;
import org.cppcc.proposals.submission.Proposal;
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
    private final HandlingQueries handling;

    public PublicProposalsResource(EntityManager em, HandlingQueries handling) {
        this.em = em;
        this.handling = handling;
    }

    @GET
    @Transactional
    @Operation(summary = "Published proposals of the committee, newest first")
    public Page<PublishedProposal> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        var q = em.createQuery("from Proposal p where p.published = true" + (page.after() != null ? " and p.id < :after" : "")
                + " order by p.id desc", Proposal.class).setMaxResults(page.fetchSize());
        if (page.after() != null) {
            q.setParameter("after", page.after());
        }
        return Page.of(q.getResultList(), page, p -> p.id.toString(), this::view);
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One published proposal with its replies")
    public PublishedProposal get(@PathParam("id") UUID id) {
        return em.createQuery("from Proposal p where p.id = :id and p.published = true", Proposal.class).setParameter("id", id)
                .getResultStream().findFirst().map(this::view).orElseThrow(() -> Problems.notFound("published proposal", id));
    }

    private PublishedProposal view(Proposal p) {
        return new PublishedProposal(p.id.toString(), p.number, p.title, p.body, p.authorName, p.publishedAt, handling.replies(p.id));
    }
}
