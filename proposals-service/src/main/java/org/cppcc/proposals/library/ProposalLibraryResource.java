package org.cppcc.proposals.library;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/committees/{code}/proposals/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "proposal library", description = "提案库: full-text search in Chinese over titles, texts and replies, with filters")
public class ProposalLibraryResource {

    private final ProposalLibrary library;

    public ProposalLibraryResource(ProposalLibrary library) {
        this.library = library;
    }

    @GET
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "Search the committee's filed proposals: ?q= (a phrase is found inside longer text; words apart are all required), "
            + "title hits first, then newest; filters status, kind, unitId (lead or co-handler), sector, term, session, number, key, author")
    public Page<ProposalLibrary.Hit> search(@PathParam("code") String code, @QueryParam("q") String q, @QueryParam("status") String status,
                                            @QueryParam("kind") String kind, @QueryParam("unitId") UUID unitId,
                                            @QueryParam("sector") String sector, @QueryParam("term") Integer term,
                                            @QueryParam("session") Integer session, @QueryParam("number") String number,
                                            @QueryParam("key") Boolean key, @QueryParam("author") String author,
                                            @QueryParam("tag") String tag, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return library.search(q, new ProposalLibrary.Filters(status, kind, unitId, sector, term, session, number, key, author, tag), cursor, limit);
    }
}
