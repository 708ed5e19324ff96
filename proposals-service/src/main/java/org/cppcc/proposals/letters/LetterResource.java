package org.cppcc.proposals.letters;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/committees/{code}/letters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "letters", description = "转来信: proposals not registered and turned into letters to departments")
public class LetterResource {

    private final Letters letters;

    public LetterResource(Letters letters) {
        this.letters = letters;
    }

    @GET
    @Operation(summary = "Letters: all for the office and leaders, a unit's own, a proposer's own (?status=OPEN|FORWARDED|ANSWERED)")
    public List<Letters.LetterView> list(@QueryParam("status") String status) {
        return letters.list(status);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A letter, for the office, its department and its proposer")
    public Letters.LetterView get(@PathParam("id") UUID id) {
        return letters.get(id);
    }

    @POST
    @Path("{id}/forward")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE})
    @Operation(summary = "Forward the letter to a department (a handling unit), whose officers are told")
    public Letters.LetterView forward(@PathParam("id") UUID id, @Valid @NotNull Letters.Forward forward) {
        return letters.forward(id, forward);
    }

    @POST
    @Path("{id}/answer")
    @CommitteeRoles({Roles.HANDLING_UNIT})
    @Operation(summary = "The department's answer, by an officer of the unit it was forwarded to")
    public Letters.LetterView answer(@PathParam("id") UUID id, @Valid @NotNull Letters.Answer answer) {
        return letters.answer(id, answer);
    }
}
