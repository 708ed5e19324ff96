package org.cppcc.proposals.disclosure;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.proposals.submission.ProposalView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

import static org.cppcc.platform.concurrency.IfMatch.version;

@Path("/committees/{code}/proposals/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "disclosure", description = "公开: publishing a proposal and its reply")
public class DisclosureResource {

    private final DisclosureService disclosure;

    public DisclosureResource(DisclosureService disclosure) {
        this.disclosure = disclosure;
    }

    @POST
    @Path("publish")
    @Operation(summary = "公开: publish the proposal and its reply (secrecy review done; needs the proposer's consent)")
    public ProposalView publish(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return disclosure.publish(id, version(ifMatch));
    }
}
