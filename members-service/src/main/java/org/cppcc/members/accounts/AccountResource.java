package org.cppcc.members.accounts;

import org.cppcc.platform.tenancy.AcrossCommittees;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators run the account jobs now instead of waiting for their schedule (e.g. right after a Keycloak outage). */
@AcrossCommittees("platform administrators sync and reconcile every committee's accounts")
@Path("/admin/accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Tag(name = "accounts", description = "Members' Keycloak accounts")
public class AccountResource {

    private final AccountSync sync;

    public AccountResource(AccountSync sync) {
        this.sync = sync;
    }

    @POST
    @Path("sync")
    @Operation(summary = "Apply every pending membership change to Keycloak now")
    public AccountSync.Outcome syncPending() {
        return sync.syncPendingNow();
    }

    @POST
    @Path("reconcile")
    @Operation(summary = "Check every member against Keycloak and repair drift now")
    public AccountSync.Outcome reconcile() {
        return sync.reconcileNow();
    }
}
