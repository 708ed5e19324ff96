package org.cppcc.proposals.lifecycle;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/committees/{code}/proposals/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "proposals")
public class ProposalHistoryResource {

    private final ProposalAccess access;
    private final Transitions transitions;

    public ProposalHistoryResource(ProposalAccess access, Transitions transitions) {
        this.access = access;
        this.transitions = transitions;
    }

    @GET
    @Operation(summary = "Every transition: who, in which role, when, from and to which state")
    public List<Transitions.TransitionView> history(@PathParam("id") UUID id) {
        access.visible(id);
        return transitions.history(id);
    }
}
