package org.cppcc.consultation.participation;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** 身边事好商量 for residents, without an account (rate-limited per address like every public call). */
@Path("/committees/{code}/public")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "public", description = "身边事好商量: residents sign up without an account")
public class PublicActivityResource {

    private final Residents residents;

    public PublicActivityResource(Residents residents) {
        this.residents = residents;
    }

    @GET
    @Path("activities")
    @Extension(name = "x-public", value = "true")
    @Operation(summary = "Activities residents may sign up for, soonest first")
    public List<Residents.PublicActivity> open() {
        return residents.open();
    }

    @POST
    @Path("activities/{id}/registrations")
    @Extension(name = "x-resident-key", value = "sign-up")
    @Operation(summary = "Sign up (with the key of the activity's notice, X-Sign-Up-Key) with a name and a mobile number, consenting to "
            + "their keeping; REGISTERED within the places, else WAITING; the cancelToken is shown once")
    public Response signUp(@PathParam("id") UUID id, @HeaderParam("X-Sign-Up-Key") @Size(max = 64) String key,
                           @Valid @NotNull Residents.SignUp s) {
        return Response.status(201).entity(residents.signUp(id, key, s)).build();
    }

    @DELETE
    @Path("registrations")
    @Extension(name = "x-resident-key", value = "cancel")
    @Operation(summary = "Cancel with the token given at sign-up (X-Cancel-Token); the first on the waiting list takes the place")
    public Response cancel(@HeaderParam("X-Cancel-Token") @NotNull @Pattern(regexp = "[0-9a-f]{48}") String token) {
        residents.cancel(token);
        return Response.noContent().build();
    }
}
