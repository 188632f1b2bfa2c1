package org.vividly.notifications.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.vividly.notifications.Mailer;

/**
 * Picks the {@link Mailer}: SMTP when Spring Boot configured a mail sender ({@code spring.mail.host}
 * is set), otherwise the outbox.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

  @Bean
  Mailer mailer(ObjectProvider<JavaMailSender> sender, MailProperties properties) {
    JavaMailSender smtp = sender.getIfAvailable();
    return smtp == null ? new OutboxMailer() : new SmtpMailer(smtp, properties.from());
  }
}
