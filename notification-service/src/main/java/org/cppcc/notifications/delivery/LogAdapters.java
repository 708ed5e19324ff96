package org.cppcc.notifications.delivery;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Adapters that only write to the log: the local default, where no SMTP server, gateway or provider exists. */
public final class LogAdapters {

    private LogAdapters() {
    }

    abstract static class Logging implements ChannelAdapter {
        @Override
        public String name() {
            return "log";
        }

        @Override
        public String send(Outgoing m) {
            Log.infof("[%s] to %s: %s | %s", channel(), m.addresses(), m.title(), m.body());
            return "log-" + UUID.randomUUID();
        }
    }

    @ApplicationScoped
    public static class Email extends Logging {
        @Override
        public Channel channel() {
            return Channel.EMAIL;
        }
    }

    @ApplicationScoped
    public static class Sms extends Logging {
        @Override
        public Channel channel() {
            return Channel.SMS;
        }
    }

    @ApplicationScoped
    public static class Push extends Logging {
        @Override
        public Channel channel() {
            return Channel.PUSH;
        }
    }
}
