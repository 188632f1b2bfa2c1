package org.vividly.notifications.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email settings ({@code vividly.mail.*}). The mail server itself is Spring Boot's {@code
 * spring.mail.host}, {@code port}, {@code username}, {@code password} and {@code properties}; without
 * a host, emails stay in the outbox.
 *
 * @param from the {@code From} address, for example {@code Vividly <no-reply@learn.district.org>}
 * @param maxAttempts deliveries tried before a message is marked failed
 * @param retryBackoff wait after the first failed attempt; doubles after each further one
 * @param workers deliveries at the same time on this server
 * @param pollInterval how often idle workers look for messages due again (new ones go at once)
 */
@ConfigurationProperties("vividly.mail")
public record MailProperties(
    @DefaultValue("Vividly <no-reply@localhost>") String from,
    @DefaultValue("6") int maxAttempts,
    @DefaultValue("30s") Duration retryBackoff,
    @DefaultValue("2") int workers,
    @DefaultValue("5s") Duration pollInterval) {}
