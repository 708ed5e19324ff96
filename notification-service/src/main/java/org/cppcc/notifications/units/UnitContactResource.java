package org.cppcc.notifications.units;

import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.notifications.delivery.Channel;
import org.cppcc.notifications.directory.Directory;
import org.cppcc.notifications.preferences.PreferenceStore;
import org.cppcc.notifications.preferences.Preferences;
import org.cppcc.notifications.routing.Category;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.cppcc.platform.tenancy.CommitteeContext;
import org.cppcc.platform.tenancy.CommitteeRoles;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A handling unit's own contact and channels: what is sent to the unit (new assignments, deadlines, overdue items,
 * extension decisions, 督办, letters) goes to its inbox and, on the channels it chose, to this e-mail and mobile.
 */
@Path("/committees/{code}/handling-units/{unit}/contact")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "preferences", description = "My channels, quiet hours, digest and app devices")
public class UnitContactResource {

    /** What a unit is sent. */
    static final Set<Category> UNIT_CATEGORIES = EnumSet.of(Category.PROPOSAL_ASSIGNED, Category.ASSIGNMENT_DUE, Category.ASSIGNMENT_OVERDUE,
            Category.EXTENSION_DECIDED, Category.PROPOSAL_SUPERVISED, Category.LETTER_FORWARDED, Category.CLUE_ACTIVITY, Category.UNIT_REGISTERED);

    public record UnitContact(@Email @Size(max = 200) String email, @Pattern(regexp = "\\+?[0-9]{5,20}") String mobile,
                              @NotNull @Size(max = 3) Set<@NotNull Channel> channels) {
    }

    private final Directory directory;
    private final PreferenceStore preferences;
    private final CommitteeContext committee;
    private final Caller caller;
    private final Clock clock;

    public UnitContactResource(Directory directory, PreferenceStore preferences, CommitteeContext committee, Caller caller, Clock clock) {
        this.directory = directory;
        this.preferences = preferences;
        this.committee = committee;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @CommitteeRoles({Roles.HANDLING_UNIT, Roles.PROPOSAL_OFFICE})
    @Transactional
    @Operation(summary = "The unit's contact and the channels it receives its messages on (its officers and the proposal office)")
    public UnitContact get(@PathParam("unit") String unit) {
        mine(unit);
        Directory.Contact c = directory.contact(Directory.unitRecipient(unit), committee.code()).orElseThrow();
        Preferences p = preferences.of(Directory.unitRecipient(unit));
        return new UnitContact(c.email(), c.mobile(), p.choice(Category.ASSIGNMENT_DUE).channels());
    }

    @PUT
    @CommitteeRoles({Roles.HANDLING_UNIT, Roles.PROPOSAL_OFFICE})
    @Transactional
    @Operation(summary = "Set the unit's e-mail, mobile and channels (EMAIL, SMS, PUSH) for everything sent to the unit")
    public UnitContact put(@PathParam("unit") String unit, @Valid @NotNull UnitContact contact) {
        String name = mine(unit);
        if (contact.channels().contains(Channel.INBOX)) {
            throw Problems.badRequest("channels are EMAIL, SMS or PUSH: the inbox always gets everything");
        }
        String email = contact.email() == null || contact.email().isBlank() ? null : contact.email().strip();
        String mobile = contact.mobile() == null || contact.mobile().isBlank() ? null : contact.mobile().strip();
        directory.unitContact(committee.code(), unit, name, email, mobile, clock.instant());
        Map<Category, Preferences.Choice> choices = new EnumMap<>(Category.class);
        for (Category c : UNIT_CATEGORIES) {
            choices.put(c, new Preferences.Choice(contact.channels().isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(contact.channels()),
                    false));
        }
        preferences.save(Directory.unitRecipient(unit), new Preferences(org.cppcc.notifications.templates.Templates.ZH,
                Preferences.DEFAULT_QUIET_START, Preferences.DEFAULT_QUIET_END, choices));
        return get(unit);
    }

    /** The unit's name; 404 unless it is this committee's and the caller is its officer or the proposal office. */
    private String mine(String unit) {
        String name = directory.unitName(committee.code(), unit).orElseThrow(() -> Problems.notFound("handling unit", unit));
        boolean officer = committee.has(Roles.HANDLING_UNIT) && directory.unitsOf(caller.username()).contains(unit);
        if (!officer && !committee.has(Roles.PROPOSAL_OFFICE)) {
            throw Problems.notFound("handling unit", unit);
        }
        return name;
    }
}
