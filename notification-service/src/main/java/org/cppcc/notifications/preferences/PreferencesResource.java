package org.cppcc.notifications.preferences;

import org.cppcc.platform.tenancy.AcrossCommittees;
import io.quarkus.security.Authenticated;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.notifications.delivery.Channel;
import org.cppcc.notifications.routing.Category;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@AcrossCommittees("a person's own settings and devices, for all their committees")
@Path("/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "preferences", description = "My channels, quiet hours, digest and app devices")
public class PreferencesResource {

    public record QuietHours(@NotNull LocalTime start, @NotNull LocalTime end) {
    }

    public record CategoryChoice(@NotNull String category, @NotNull @Size(max = 3) Set<Channel> channels, boolean digest) {
    }

    public record PreferencesView(@NotNull @Pattern(regexp = "zh-CN|en") String locale, @Valid QuietHours quietHours,
                                  @NotNull List<@Valid CategoryChoice> categories) {
    }

    public record Device(@NotNull @Pattern(regexp = "ANDROID|IOS|HARMONY") String platform) {
    }

    public record DeviceView(String token, String platform) {
    }

    private final PreferenceStore store;
    private final Caller caller;
    private final EntityManager em;
    private final Clock clock;

    public PreferencesResource(PreferenceStore store, Caller caller, EntityManager em, Clock clock) {
        this.store = store;
        this.caller = caller;
        this.em = em;
        this.clock = clock;
    }

    @GET
    @Path("preferences")
    @Transactional
    @Operation(summary = "My notification preferences (defaults included)")
    public PreferencesView get() {
        Preferences p = store.of(caller.userId());
        List<CategoryChoice> choices = Arrays.stream(Category.values()).filter(c -> c != Category.DIGEST)
                .map(c -> new CategoryChoice(c.code(), p.choice(c).channels(), p.choice(c).digest())).toList();
        return new PreferencesView(p.locale(), p.quietStart() == null ? null : new QuietHours(p.quietStart(), p.quietEnd()), choices);
    }

    @PUT
    @Path("preferences")
    @Transactional
    @Operation(summary = "Set my preferences: channels per category (the inbox always gets everything), quiet hours (null: none), locale")
    public PreferencesView put(@Valid @NotNull PreferencesView view) {
        Map<Category, Preferences.Choice> choices = new EnumMap<>(Category.class);
        for (CategoryChoice c : view.categories()) {
            Category category = Category.of(c.category()).filter(x -> x != Category.DIGEST)
                    .orElseThrow(() -> Problems.badRequest("unknown category " + c.category()));
            Set<Channel> channels = c.channels().isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(c.channels());
            channels.remove(Channel.INBOX);
            choices.put(category, new Preferences.Choice(channels, c.digest()));
        }
        QuietHours q = view.quietHours();
        store.save(caller.userId(), new Preferences(view.locale(), q == null ? null : q.start(), q == null ? null : q.end(), choices));
        return get();
    }

    @PUT
    @Path("devices/{installation}")
    @Transactional
    @Operation(summary = "Register this app installation for push (the provider's device token)")
    public void registerDevice(@PathParam("installation") @Size(max = 300) String token, @Valid @NotNull Device device) {
        em.createNativeQuery("insert into device (token, user_id, platform, registered_at) values (?1, ?2, ?3, ?4) "
                        + "on conflict (token) do update set user_id = excluded.user_id, platform = excluded.platform, registered_at = excluded.registered_at")
                .setParameter(1, token).setParameter(2, caller.userId()).setParameter(3, device.platform())
                .setParameter(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).executeUpdate();
    }

    @DELETE
    @Path("devices/{installation}")
    @Transactional
    @Operation(summary = "Forget a device of mine (logout, uninstall)")
    public void removeDevice(@PathParam("installation") @Size(max = 300) String token) {
        em.createNativeQuery("delete from device where token = ?1 and user_id = ?2").setParameter(1, token)
                .setParameter(2, caller.userId()).executeUpdate();
    }

    @GET
    @Path("devices")
    @Transactional
    @Operation(summary = "My registered devices")
    public List<DeviceView> devices() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select token, platform from device where user_id = ?1 order by registered_at")
                .setParameter(1, caller.userId()).getResultList();
        return rows.stream().map(r -> new DeviceView((String) r[0], (String) r[1])).toList();
    }
}
