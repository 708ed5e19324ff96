package org.cppcc.notifications.templates;

import org.cppcc.platform.tenancy.AcrossCommittees;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cppcc.notifications.delivery.Channel;
import org.cppcc.notifications.routing.Category;
import org.cppcc.platform.problem.Problems;
import org.cppcc.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

@AcrossCommittees("templates are the platform's")
@Path("/admin/templates")
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "templates", description = "消息模板: message texts per category, channel and locale (platform administrator)")
public class TemplateResource {

    public record TemplateText(@NotNull @Size(max = 300) String title, @NotNull @Size(max = 5000) String body) {
    }

    public record TemplateView(String category, String channel, String locale, String title, String body) {
    }

    private static final Set<String> LOCALES = Set.of(Templates.ZH, Templates.EN);

    private final EntityManager em;
    private final Templates templates;

    public TemplateResource(EntityManager em, Templates templates) {
        this.em = em;
        this.templates = templates;
    }

    @GET
    @Operation(summary = "Every template")
    public List<TemplateView> all() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select category, channel, locale, title, body from template order by 1, 2, 3").getResultList();
        return rows.stream().map(r -> new TemplateView((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4])).toList();
    }

    @PUT
    @Path("{category}/{channel}/{locale}")
    @Transactional
    @Operation(summary = "Create or change one template (Qute syntax, e.g. {title}); used from the next message on")
    public TemplateView put(@PathParam("category") String category, @PathParam("channel") String channel,
                            @PathParam("locale") String locale, @Valid @NotNull TemplateText text) {
        if (Category.of(category).isEmpty()) {
            throw Problems.badRequest("unknown category " + category);
        }
        Channel ch;
        try {
            ch = Channel.valueOf(channel);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("channel must be one of INBOX, EMAIL, SMS, PUSH");
        }
        if (!LOCALES.contains(locale)) {
            throw Problems.badRequest("locale must be one of " + LOCALES);
        }
        try {
            templates.validate(text.title());
            templates.validate(text.body());
        } catch (RuntimeException e) {
            throw Problems.badRequest("the template does not parse: " + e.getMessage());
        }
        em.createNativeQuery("insert into template (category, channel, locale, title, body, updated_at) values (?1, ?2, ?3, ?4, ?5, now()) "
                        + "on conflict (category, channel, locale) do update set title = excluded.title, body = excluded.body, updated_at = now()")
                .setParameter(1, category).setParameter(2, ch.name()).setParameter(3, locale)
                .setParameter(4, text.title()).setParameter(5, text.body()).executeUpdate();
        return new TemplateView(category, ch.name(), locale, text.title(), text.body());
    }
}
