package org.cppcc.consultation.research;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/committees/{code}/topics/{topic}/research-groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "research", description = "调研 1+4+N: a topic's joint group, thematic groups and teams, and their research activities")
public class ResearchGroupResource {

    private final ResearchGroups groups;

    public ResearchGroupResource(ResearchGroups groups) {
        this.groups = groups;
    }

    @POST
    @CommitteeRoles({Roles.CONSULTATION_OFFICE})
    @Operation(summary = "Form a research group of the topic: JOINT (one), THEMATIC under it, TEAM under a thematic group; members with a LEAD")
    public ResearchGroups.GroupView form(@PathParam("code") String code, @PathParam("topic") UUID topic, @Valid @NotNull ResearchGroups.NewGroup g) {
        return groups.form(topic, g);
    }

    @GET
    @CommitteeRoles({Roles.MEMBER, Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "The topic's research groups with their members and research activities (pre-research, interviews, visits)")
    public List<ResearchGroups.GroupView> list(@PathParam("code") String code, @PathParam("topic") UUID topic) {
        return groups.groups(topic);
    }
}
