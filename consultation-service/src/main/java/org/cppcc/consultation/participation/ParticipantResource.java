package org.cppcc.consultation.participation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.consultation.participation.Participants.ParticipantView;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/committees/{code}/activities/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "participation", description = "邀请、出勤与发言 of an activity (feeds members' 履职 records)")
public class ParticipantResource {

    private final Participants participants;
    private final Speeches speeches;
    private final Residents residents;
    private final Guests guests;
    private final Registrations registrations;

    public ParticipantResource(Participants participants, Speeches speeches, Residents residents, Guests guests, Registrations registrations) {
        this.registrations = registrations;
        this.guests = guests;
        this.participants = participants;
        this.speeches = speeches;
        this.residents = residents;
    }

    @POST
    @Path("invitations")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "Invite members of the committee by user name")
    public List<ParticipantView> invite(@PathParam("code") String code, @PathParam("id") UUID id, @Valid @NotNull Participants.Invite r) {
        return participants.invite(id, r);
    }

    @PUT
    @Path("attendance")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "Record attendance (ATTENDED, ABSENT_WITH_LEAVE, ABSENT_WITHOUT_LEAVE) and who spoke, once the activity has begun")
    public List<ParticipantView> attendance(@PathParam("code") String code, @PathParam("id") UUID id,
                                            @Valid @NotNull Participants.RecordAttendance r) {
        return participants.record(id, r);
    }

    @PUT
    @Path("attendance/{username}/correction")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "更正: correct a person's recorded attendance, with the reason (their 履职 record follows)")
    public ParticipantView correct(@PathParam("code") String code, @PathParam("id") UUID id, @PathParam("username") String username,
                                   @Valid @NotNull Participants.Correction c) {
        return participants.correct(id, username, c);
    }

    @GET
    @Path("participants")
    @CommitteeRoles({Roles.MEMBER, Roles.CONSULTATION_OFFICE, Roles.PROPOSAL_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "Who was invited, and how they took part")
    public List<ParticipantView> participants(@PathParam("code") String code, @PathParam("id") UUID id) {
        return participants.list(id);
    }

    @POST
    @Path("answer")
    @CommitteeRoles({Roles.MEMBER})
    @Operation(summary = "The invited member accepts ({\"answer\": \"ACCEPT\"}) or asks for leave ({\"answer\": \"LEAVE\", \"reason\"}) before it begins")
    public ParticipantView answer(@PathParam("code") String code, @PathParam("id") UUID id, @Valid @NotNull Participants.Answer r) {
        return participants.answer(id, r);
    }

    @POST
    @Path("check-in-code")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE})
    @Operation(summary = "签到码: a new six-digit code (and QR payload) to show at the venue, taken for validMinutes (default 60)")
    public Participants.CheckInCode checkInCode(@PathParam("code") String code, @PathParam("id") UUID id, @Valid Participants.CodeRequest r) {
        return participants.newCode(id, r);
    }

    @POST
    @Path("check-in")
    @CommitteeRoles({Roles.MEMBER})
    @Operation(summary = "签到: the invited member checks in with the code shown at the venue (once, within its window)")
    public ParticipantView checkIn(@PathParam("code") String code, @PathParam("id") UUID id, @Valid @NotNull Participants.CheckIn r) {
        return participants.checkIn(id, r);
    }

    @GET
    @Path("registrations")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "身边事好商量: the residents signed up (registered, then the waiting list)")
    public List<Residents.RegistrationView> registrations(@PathParam("code") String code, @PathParam("id") UUID id) {
        return residents.list(id);
    }

    @POST
    @Path("sign-up")
    @CommitteeRoles({Roles.MEMBER})
    @Operation(summary = "报名: a member signs up for an activity open to members — registered within its capacity, else on the waiting list")
    public Registrations.RegistrationView signUp(@PathParam("code") String code, @PathParam("id") UUID id) {
        return registrations.signUp(id);
    }

    @GET
    @Path("sign-up")
    @CommitteeRoles({Roles.MEMBER})
    @Operation(summary = "The caller's own sign-up: registered, waiting (with the place in line) or withdrawn")
    public Registrations.RegistrationView mySignUp(@PathParam("code") String code, @PathParam("id") UUID id) {
        return registrations.mine(id);
    }

    @DELETE
    @Path("sign-up")
    @CommitteeRoles({Roles.MEMBER})
    @Operation(summary = "Withdraw a sign-up before the activity begins; a place given back goes to the first on the waiting list")
    public Registrations.RegistrationView withdraw(@PathParam("code") String code, @PathParam("id") UUID id) {
        return registrations.withdraw(id);
    }

    @GET
    @Path("member-registrations")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "报名: the members signed up (registered, then the waiting list in order, then those who withdrew)")
    public List<Registrations.RegistrationView> memberRegistrations(@PathParam("code") String code, @PathParam("id") UUID id) {
        return registrations.list(id);
    }

    @POST
    @Path("guests")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE})
    @Operation(summary = "Invite a guest without a member account: expert, department official, party guest ({name, organisation, kind, phone?})")
    public Guests.GuestView inviteGuest(@PathParam("code") String code, @PathParam("id") UUID id, @Valid @NotNull Guests.Invite g) {
        return guests.invite(id, g);
    }

    @GET
    @Path("guests")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "The activity's guests and whether they came")
    public List<Guests.GuestView> guests(@PathParam("code") String code, @PathParam("id") UUID id) {
        return guests.list(id);
    }

    @PUT
    @Path("guests/{guest}/attendance")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE})
    @Operation(summary = "Whether the guest came ({\"attended\": true|false}), once the activity has begun")
    public Guests.GuestView guestAttendance(@PathParam("code") String code, @PathParam("id") UUID id, @PathParam("guest") UUID guest,
                                            @Valid @NotNull Guests.Attendance a) {
        return guests.attendance(id, guest, a);
    }

    @GET
    @Path("sign-up-link")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE})
    @Operation(summary = "身边事好商量: the key and QR payload for the activity's public notice")
    public Residents.SignUpLink signUpLink(@PathParam("code") String code, @PathParam("id") UUID id) {
        return residents.link(id);
    }

    @POST
    @Path("speeches")
    @CommitteeRoles({Roles.MEMBER})
    @Operation(summary = "发言: an invited member submits a speech ({\"title\", \"text\", \"attachments\"?: [{name, contentType, contentBase64}]})")
    public Speeches.SpeechView submitSpeech(@PathParam("code") String code, @PathParam("id") UUID id, @Valid @NotNull Speeches.Submit s) {
        return speeches.submit(id, s);
    }

    @GET
    @Path("speeches")
    @CommitteeRoles({Roles.MEMBER, Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "The activity's speeches (the office and leaders: all; a member: their own)")
    public List<Speeches.SpeechView> speeches(@PathParam("code") String code, @PathParam("id") UUID id) {
        return speeches.ofActivity(id);
    }

    @GET
    @Path("speeches/{speech}/attachments/{file}")
    @Produces(MediaType.WILDCARD)
    @CommitteeRoles({Roles.MEMBER, Roles.CONSULTATION_OFFICE, Roles.LEADER, Roles.COMMITTEE_ADMIN})
    @Operation(summary = "Download a speech's file (its speaker, the office and leaders; always as a download)")
    public jakarta.ws.rs.core.Response speechFile(@PathParam("code") String code, @PathParam("id") UUID id, @PathParam("speech") UUID speech,
                                                  @PathParam("file") UUID file) {
        Speeches.File f = speeches.attachment(id, speech, file);
        return org.cppcc.platform.attachments.Attachments.download(f.name(), f.contentType(), f.content());
    }

    @POST
    @Path("speeches/{speech}/delivered")
    @CommitteeRoles({Roles.CONSULTATION_OFFICE})
    @Operation(summary = "发言 delivered at the meeting (the speaker's attendance recorded first): the member spoke (履职)")
    public Speeches.SpeechView delivered(@PathParam("code") String code, @PathParam("id") UUID id, @PathParam("speech") UUID speech) {
        return speeches.delivered(id, speech);
    }
}
