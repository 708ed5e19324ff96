package org.cppcc.notifications.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.EnumMap;
import java.util.Map;

/** The adapter each channel uses, chosen by configuration: cppcc.notify.email.adapter=smtp|log, sms and push: http|log. */
@ApplicationScoped
public class Channels {

    private final Map<Channel, ChannelAdapter> selected = new EnumMap<>(Channel.class);

    public Channels(@Any Instance<ChannelAdapter> adapters,
                    @ConfigProperty(name = "cppcc.notify.email.adapter", defaultValue = "log") String email,
                    @ConfigProperty(name = "cppcc.notify.sms.adapter", defaultValue = "log") String sms,
                    @ConfigProperty(name = "cppcc.notify.push.adapter", defaultValue = "log") String push) {
        Map<Channel, String> wanted = Map.of(Channel.EMAIL, email, Channel.SMS, sms, Channel.PUSH, push);
        for (ChannelAdapter a : adapters) {
            if (a.name().equals(wanted.get(a.channel()))) {
                selected.put(a.channel(), a);
            }
        }
        wanted.forEach((channel, name) -> {
            if (!selected.containsKey(channel)) {
                throw new IllegalStateException("no " + channel + " adapter named '" + name + "'");
            }
        });
    }

    public ChannelAdapter adapter(Channel channel) {
        return selected.get(channel);
    }
}
