package org.cppcc.members.performance;

import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cppcc.members.roster.Member;
import org.cppcc.members.roster.MemberService;
import org.cppcc.platform.events.EventTypes;
import org.cppcc.platform.events.Topics;
import org.cppcc.platform.events.contracts.PerformanceEvents;
import org.cppcc.platform.outbox.Outbox;
import org.cppcc.platform.paging.Page;
import org.cppcc.platform.paging.PageRequest;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.tenancy.CommitteeDirectory;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** 履职 of a committee: its scoring rules, members' scores and records, rankings, inactivity, 双通报, 述职. */
@Path("/committees/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "duty performance", description = "履职: scores, rankings and reports of a committee")
public class CommitteePerformanceResource {

    /** Who may read every member's record in their committee. */
    static final Set<String> STAFF = Set.of(Roles.PROPOSAL_OFFICE, Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN,
            Roles.PLATFORM_ADMIN);

    public record MemberRecord(Scoreboard.MemberScore score, Page<Scoreboard.EntryView> entries) {
    }

    private final Scoreboard scoreboard;
    private final ScoringRulesStore rules;
    private final MemberService members;
    private final CommitteeContext committee;
    private final CommitteeDirectory directory;
    private final Caller caller;
    private final Outbox outbox;

    public CommitteePerformanceResource(Scoreboard scoreboard, ScoringRulesStore rules, MemberService members, CommitteeContext committee,
                                        CommitteeDirectory directory, Caller caller, Outbox outbox) {
        this.outbox = outbox;
        this.scoreboard = scoreboard;
        this.rules = rules;
        this.members = members;
        this.committee = committee;
        this.directory = directory;
        this.caller = caller;
    }

    @GET
    @Path("performance/rules")
    @CommitteeRoles({Roles.MEMBER, Roles.PROPOSAL_OFFICE, Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "The committee's scoring rules (the platform default until staff set their own)")
    public ScoringRules rules(@PathParam("code") String code) {
        return rules.rules(code);
    }

    @PUT
    @Path("performance/rules")
    @CommitteeRoles({Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Adopt the committee's own scoring rules; every score is recomputed under them")
    public ScoringRules setRules(@PathParam("code") String code, @Valid @NotNull ScoringRules newRules) {
        return rules.save(code, newRules.checked(), caller.username());
    }

    @GET
    @Path("performance/rankings")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Members ranked by their yearly score (?year=, default this year; ?sector= ranks within one 界别)")
    public List<Scoreboard.Ranked> rankings(@PathParam("code") String code, @QueryParam("year") Integer year,
                                            @QueryParam("sector") String sector) {
        return scoreboard.rankings(year(year), sector);
    }

    @GET
    @Path("performance/inactive")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Members with nothing recorded for the committee's inactivity period (warnings)")
    public List<Scoreboard.Inactive> inactive(@PathParam("code") String code) {
        return scoreboard.inactive();
    }

    public record Warned(int warned) {
    }

    @POST
    @Path("performance/inactive/warnings")
    @Transactional
    @CommitteeRoles({Roles.LEADER, Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Warn every currently inactive member (each gets a 履职提醒 through notification-service)")
    public Warned warnInactive(@PathParam("code") String code) {
        int n = 0;
        for (Scoreboard.Inactive i : scoreboard.inactive()) {
            if (i.userId() != null) {
                outbox.publish(Topics.MEMBERS, EventTypes.MEMBER_INACTIVITY_WARNED, code, i.memberId(),
                        new PerformanceEvents.InactivityWarned(i.memberId(), i.userId(), i.name(), i.daysWithoutActivity()));
                n++;
            }
        }
        return new Warned(n);
    }

    @GET
    @Path("performance/attendance")
    @CommitteeRoles({Roles.PROPOSAL_OFFICE, Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "双通报: standing-committee members' attendance in a half year (?year=&half=1|2)")
    public Scoreboard.AttendanceReport attendance(@PathParam("code") String code, @QueryParam("year") Integer year,
                                                  @QueryParam("half") @jakarta.ws.rs.DefaultValue("1") int half) {
        return scoreboard.attendance(year(year), half);
    }

    @GET
    @Path("members/{id}/performance")
    @Transactional
    @CommitteeRoles({Roles.MEMBER, Roles.PROPOSAL_OFFICE, Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "A member's yearly score, homework and entries: the member themselves, or staff of the committee")
    public MemberRecord record(@PathParam("code") String code, @PathParam("id") UUID id, @QueryParam("year") Integer year,
                               @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        Member m = readable(id);
        return new MemberRecord(scoreboard.score(m, year(year)), scoreboard.entries(m, year(year), PageRequest.of(cursor, limit)));
    }

    @GET
    @Path("members/{id}/performance/report.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Transactional
    @CommitteeRoles({Roles.MEMBER, Roles.PROPOSAL_OFFICE, Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "述职: the member's annual report as an XLSX workbook")
    public Response report(@PathParam("code") String code, @PathParam("id") UUID id, @QueryParam("year") Integer year) {
        Member m = readable(id);
        int y = year(year);
        List<Scoreboard.EntryView> entries = new java.util.ArrayList<>();
        String cursor = null;
        do { // every entry of the year, a page at a time
            Page<Scoreboard.EntryView> page = scoreboard.entries(m, y, PageRequest.of(cursor, PageRequest.MAX_LIMIT));
            entries.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        String committeeName = directory.find(code).map(c -> c.name()).orElse(code);
        byte[] file = AnnualReport.xlsx(committeeName, m, scoreboard.score(m, y), entries);
        String filename = URLEncoder.encode(m.name + "-" + y + "年度述职.xlsx", StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(file).header("Content-Disposition", "attachment; filename=\"report-" + y + ".xlsx\"; filename*=UTF-8''" + filename)
                .build();
    }

    /** The member themselves, or staff of this committee; anyone else is refused (and another committee's id is not found). */
    private Member readable(UUID id) {
        Member m = members.find(id);
        boolean self = m.userId != null && Objects.equals(m.userId, caller.userId());
        if (!self && STAFF.stream().noneMatch(committee::has) && !caller.platformAdmin()) {
            throw Problems.forbidden("only the member themselves and the committee's staff read a member's record");
        }
        return m;
    }

    private int year(Integer year) {
        if (year == null) {
            return scoreboard.currentYear();
        }
        if (year < 2000 || year > 2100) {
            throw Problems.badRequest("year must be between 2000 and 2100");
        }
        return year;
    }
}
