package org.cppcc.proposals.review;

import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/committees/{code}/proposal-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "proposal settings", description = "提案办设置: current session, deadlines")
public class ProposalSettingsResource {

    private final ProposalSettings settings;

    public ProposalSettingsResource(ProposalSettings settings) {
        this.settings = settings;
    }

    @GET
    @Operation(summary = "The proposal office's settings: current session, deadline days, return window")
    public ProposalSettings.Settings get() {
        return settings.current();
    }

    @PUT
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.COMMITTEE_ADMIN})
    @Transactional
    @Operation(summary = "Change the proposal office's settings (e.g. a new session: numbers start again at 0001)")
    public ProposalSettings.Settings put(@Valid @NotNull ProposalSettings.Settings s) {
        settings.save(s);
        return settings.current();
    }
}
