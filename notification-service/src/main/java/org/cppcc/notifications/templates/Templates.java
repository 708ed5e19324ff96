package org.cppcc.notifications.templates;

import io.quarkus.logging.Log;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.cppcc.notifications.delivery.Channel;
import org.cppcc.notifications.routing.Category;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a message's title and body from the administrators' templates (table {@code template}, Qute
 * syntax). Lookup: the channel's template in the reader's locale, then in Chinese, then in English; then the
 * inbox template the same way. Edits take effect for the next message, without a redeploy.
 */
@ApplicationScoped
public class Templates {

    public static final String ZH = "zh-CN";
    public static final String EN = "en";

    public record Rendered(String title, String body) {
    }

    private final EntityManager em;
    private final Engine engine;

    public Templates(EntityManager em, Engine engine) {
        this.em = em;
        this.engine = engine;
    }

    public Rendered render(Category category, Channel channel, String locale, Map<String, Object> data) {
        for (Channel c : channel == Channel.INBOX ? List.of(Channel.INBOX) : List.of(channel, Channel.INBOX)) {
            for (String l : locales(locale)) {
                Optional<Object[]> t = find(category.code(), c.name(), l);
                if (t.isPresent()) {
                    try {
                        return new Rendered(render((String) t.get()[0], data), render((String) t.get()[1], data));
                    } catch (RuntimeException e) {
                        Log.warnf("template %s/%s/%s does not render: %s", category.code(), c, l, e.getMessage());
                    }
                }
            }
        }
        return new Rendered(category.code(), String.valueOf(data));
    }

    /** Checks that a template parses (for the administrators' edits). */
    public void validate(String text) {
        engine.parse(text);
    }

    private String render(String template, Map<String, Object> data) {
        TemplateInstance instance = engine.parse(template).instance();
        data.forEach(instance::data);
        return instance.render();
    }

    private static List<String> locales(String preferred) {
        List<String> out = new ArrayList<>();
        if (preferred != null) {
            out.add(preferred);
        }
        if (!out.contains(ZH)) {
            out.add(ZH);
        }
        if (!out.contains(EN)) {
            out.add(EN);
        }
        return out;
    }

    private Optional<Object[]> find(String category, String channel, String locale) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select title, body from template where category = ?1 and channel = ?2 and locale = ?3")
                .setParameter(1, category).setParameter(2, channel).setParameter(3, locale).getResultList();
        return rows.stream().findFirst();
    }
}
