package org.cppcc.proposals.handling;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.cppcc.platform.time.ClockProducer;
import org.cppcc.proposals.review.ProposalSettings;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cppcc.platform.security.Caller;
import org.cppcc.proposals.joint.Cosigners;
import org.cppcc.proposals.lifecycle.ProposalLifecycle;

@Path("/committees/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "handling", description = "承办单位的交办、督办、提案办设置")
public class HandlingResource {

    public record Supervision(List<HandlingQueries.AssignmentView> overdue, List<HandlingQueries.AssignmentView> dueSoon) {
    }

    private final HandlingQueries queries;
    private final ProposalSettings settings;
    private final Clock clock;
    private final Cosigners cosigners;
    private final Caller caller;
    private final ProposalLifecycle lifecycle;

    public HandlingResource(HandlingQueries queries, ProposalSettings settings, Clock clock, Cosigners cosigners, Caller caller,
                            ProposalLifecycle lifecycle) {
        this.queries = queries;
        this.settings = settings;
        this.clock = clock;
        this.cosigners = cosigners;
        this.caller = caller;
        this.lifecycle = lifecycle;
    }

    @GET
    @Path("my-assignments")
    @CommitteeRoles(Roles.HANDLING_UNIT)
    @Operation(summary = "我的交办: my unit's open assignments, nearest deadline first (cursor, limit)")
    public org.cppcc.platform.paging.Page<HandlingQueries.AssignmentView> mine(@QueryParam("cursor") String cursor,
                                                                               @QueryParam("limit") Integer limit) {
        return queries.mine(cursor, limit);
    }

    @GET
    @Path("supervision")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER})
    @Operation(summary = "督办: open assignments overdue, and due within ?days (default 14)")
    public Supervision supervision(@QueryParam("days") Integer days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockProducer.CHINA);
        List<HandlingQueries.AssignmentView> all = queries.dueBy(today.plusDays(days == null ? 14 : Math.max(0, Math.min(days, 365))));
        return new Supervision(all.stream().filter(a -> a.deadline().isBefore(today)).toList(),
                all.stream().filter(a -> !a.deadline().isBefore(today)).toList());
    }

    @GET
    @Path("feedback")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.LEADER})
    @Operation(summary = "反馈情况: the ratings proposers and co-signers gave, newest first (cursor, limit)")
    public org.cppcc.platform.paging.Page<HandlingQueries.FeedbackView> feedback(@QueryParam("cursor") String cursor,
                                                                                 @QueryParam("limit") Integer limit) {
        return queries.feedback(org.cppcc.platform.paging.PageRequest.of(cursor, limit));
    }

    @GET
    @Path("cosign-requests")
    @CommitteeRoles(Roles.MEMBER)
    @Operation(summary = "联名邀请: my open invitations to co-sign")
    public List<Cosigners.Request> cosignRequests() {
        return cosigners.openRequestsFor(caller.userId());
    }

    @POST
    @Path("archive-session")
    @CommitteeRoles(Roles.PROPOSAL_OFFICE)
    @Operation(summary = "归档: archive every finished proposal of a session ({\"term\": 2, \"session\": 2})")
    public Map<String, Integer> archiveSession(@Valid @NotNull ProposalLifecycle.SessionRef session) {
        return Map.of("archived", lifecycle.archiveSession(session));
    }

    @GET
    @Path("proposal-settings")
    @Operation(summary = "The proposal office's settings: current session, deadline days, return window")
    public ProposalSettings.Settings getSettings() {
        return settings.current();
    }

    @PUT
    @Path("proposal-settings")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.COMMITTEE_ADMIN})
    @jakarta.transaction.Transactional
    @Operation(summary = "Change the proposal office's settings (e.g. a new session: numbers start again at 0001)")
    public ProposalSettings.Settings putSettings(@Valid @NotNull ProposalSettings.Settings s) {
        settings.save(s);
        return settings.current();
    }
}
