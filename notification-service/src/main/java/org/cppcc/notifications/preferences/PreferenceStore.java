package org.cppcc.notifications.preferences;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.cppcc.notifications.delivery.Channel;
import org.cppcc.notifications.routing.Category;
import org.cppcc.notifications.templates.Templates;

import java.sql.Time;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class PreferenceStore {

    private final EntityManager em;

    public PreferenceStore(EntityManager em) {
        this.em = em;
    }

    public Preferences of(String userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> settings = em.createNativeQuery("select locale, quiet_start, quiet_end from user_setting where user_id = ?1")
                .setParameter(1, userId).getResultList();
        String locale = Templates.ZH;
        LocalTime start = Preferences.DEFAULT_QUIET_START;
        LocalTime end = Preferences.DEFAULT_QUIET_END;
        if (!settings.isEmpty()) {
            Object[] s = settings.get(0);
            locale = (String) s[0];
            start = time(s[1]);
            end = time(s[2]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select category, channels, digest from channel_preference where user_id = ?1")
                .setParameter(1, userId).getResultList();
        Map<Category, Preferences.Choice> choices = new EnumMap<>(Category.class);
        for (Object[] r : rows) {
            Category.of((String) r[0]).ifPresent(c -> choices.put(c, new Preferences.Choice(channels((String) r[1]), (Boolean) r[2])));
        }
        return new Preferences(locale, start, end, choices);
    }

    /** The locales of those of these people who chose one (the rest read Chinese), in one query. */
    public Map<String, String> localesOf(List<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select user_id, locale from user_setting where user_id in (:ids) and locale is not null")
                .setParameter("ids", userIds).getResultList();
        Map<String, String> out = new java.util.HashMap<>();
        rows.forEach(r -> out.put((String) r[0], (String) r[1]));
        return out;
    }

    /** Replaces a person's settings and choices (in the caller's transaction). */
    public void save(String userId, Preferences p) {
        em.createNativeQuery("insert into user_setting (user_id, locale, quiet_start, quiet_end) values (?1, ?2, ?3, ?4) "
                        + "on conflict (user_id) do update set locale = excluded.locale, quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end")
                .setParameter(1, userId).setParameter(2, p.locale()).setParameter(3, p.quietStart()).setParameter(4, p.quietEnd())
                .executeUpdate();
        em.createNativeQuery("delete from channel_preference where user_id = ?1").setParameter(1, userId).executeUpdate();
        p.choices().forEach((category, choice) -> em.createNativeQuery(
                        "insert into channel_preference (user_id, category, channels, digest) values (?1, ?2, ?3, ?4)")
                .setParameter(1, userId).setParameter(2, category.code())
                .setParameter(3, choice.channels().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .setParameter(4, choice.digest()).executeUpdate());
    }

    private static Set<Channel> channels(String csv) {
        Set<Channel> out = EnumSet.noneOf(Channel.class);
        Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).forEach(s -> out.add(Channel.valueOf(s)));
        return out;
    }

    private static LocalTime time(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof Time t ? t.toLocalTime() : (LocalTime) o;
    }
}
