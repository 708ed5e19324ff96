package org.cppcc.proposals.archive;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.proposals.submission.ProposalView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;
import java.util.UUID;

import static org.cppcc.platform.concurrency.IfMatch.version;

@Path("/committees/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "archive", description = "归档")
public class ArchiveResource {

    private final ArchiveService archive;

    public ArchiveResource(ArchiveService archive) {
        this.archive = archive;
    }

    @POST
    @Path("proposals/{id}/archive")
    @Operation(summary = "归档: read-only from now on")
    public ProposalView archive(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return archive.archive(id, version(ifMatch));
    }

    @POST
    @Path("archive-session")
    @CommitteeRoles(Roles.PROPOSAL_OFFICE)
    @Operation(summary = "归档: archive every finished proposal of a session ({\"term\": 2, \"session\": 2})")
    public Map<String, Integer> archiveSession(@Valid @NotNull ArchiveService.SessionRef session) {
        return Map.of("archived", archive.archiveSession(session));
    }
}
