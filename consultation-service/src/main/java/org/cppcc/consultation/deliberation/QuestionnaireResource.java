package org.cppcc.consultation.deliberation;

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
import org.cppcc.platform.exports.TableWriter;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/committees/{code}/activities/{id}/questionnaire")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "questionnaire", description = "问卷 of an activity: questions, answers, results and their export")
public class QuestionnaireResource {

    private final Questionnaires questionnaires;

    public QuestionnaireResource(Questionnaires questionnaires) {
        this.questionnaires = questionnaires;
    }

    @PUT
    @CommitteeRoles({Roles.CONSULTATION_OFFICE})
    @Operation(summary = "Draft the activity's questionnaire (or replace the draft): questions SINGLE/MULTIPLE with 2–20 options, or TEXT")
    public Questionnaires.QuestionnaireView draft(@PathParam("code") String code, @PathParam("id") UUID id, @Valid @NotNull Questionnaires.Draft d) {
        return questionnaires.draft(id, d);
    }

    @POST
    @Path("open")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE})
    @Operation(summary = "Open the questionnaire for answers (its questions are then fixed)")
    public Questionnaires.QuestionnaireView open(@PathParam("code") String code, @PathParam("id") UUID id) {
        return questionnaires.move(id, "OPEN");
    }

    @POST
    @Path("close")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE})
    @Operation(summary = "Close the questionnaire: no more answers")
    public Questionnaires.QuestionnaireView close(@PathParam("code") String code, @PathParam("id") UUID id) {
        return questionnaires.move(id, "CLOSED");
    }

    @GET
    @CommitteeRoles({Roles.MEMBER, Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "The questionnaire, its status, and whether the caller has answered it")
    public Questionnaires.QuestionnaireView get(@PathParam("code") String code, @PathParam("id") UUID id) {
        return questionnaires.get(id);
    }

    @POST
    @Path("responses")
    @CommitteeRoles({Roles.MEMBER})
    @Operation(summary = "Answer, once, while open: one entry per question in order ({choices: [option indexes]} or {text}; null to skip an optional one)")
    public Questionnaires.QuestionnaireView answer(@PathParam("code") String code, @PathParam("id") UUID id,
                                                   @Valid @NotNull Questionnaires.Response r) {
        return questionnaires.answer(id, r);
    }

    @GET
    @Path("results")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "Results: respondents, counts per option, the texts given")
    public Questionnaires.Results results(@PathParam("code") String code, @PathParam("id") UUID id) {
        return questionnaires.results(id);
    }

    @GET
    @Path("export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @CommitteeRoles({Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "The answers (a row per respondent) and the counts per option; ?format=csv|xlsx (default xlsx)")
    public Response export(@PathParam("code") String code, @PathParam("id") UUID id, @QueryParam("format") String format) {
        TableWriter.Format f = TableWriter.Format.parse(format);
        return TableWriter.download(questionnaires.export(id, f), f, "问卷结果");
    }
}
