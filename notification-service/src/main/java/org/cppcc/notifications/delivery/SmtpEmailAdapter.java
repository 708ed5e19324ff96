package org.cppcc.notifications.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;

/** E-mail over SMTP (quarkus.mailer.* configures the server). */
@ApplicationScoped
public class SmtpEmailAdapter implements ChannelAdapter {

    private final Mailer mailer;

    public SmtpEmailAdapter(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public String send(Outgoing m) {
        String text = m.link() == null ? m.body() : m.body() + "\n\n" + m.link();
        mailer.send(Mail.withText(m.addresses().get(0), m.title(), text));
        return null;
    }
}
