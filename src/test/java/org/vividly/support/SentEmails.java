package org.vividly.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The links of the emails the server "sent": with no mail server configured, {@code Emails} logs
 * each message's recipient and link, and this reads them back from that logger.
 */
public final class SentEmails {

  private static ListAppender<ILoggingEvent> appender;

  private SentEmails() {}

  /** Starts listening; call it after the application context started (it resets logging). */
  public static synchronized void listen() {
    Logger logger = (Logger) LoggerFactory.getLogger("org.vividly.identity.Emails");
    if (appender != null && logger.isAttached(appender)) return;
    appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
  }

  /** Links of the messages to {@code email} since {@link #listen}. */
  public static synchronized List<String> linksTo(String email) {
    if (appender == null) throw new IllegalStateException("call SentEmails.listen() first");
    return appender.list.stream()
        .filter(e -> e.getArgumentArray() != null && e.getArgumentArray().length >= 3 && email.equals(e.getArgumentArray()[0]))
        .map(e -> String.valueOf(e.getArgumentArray()[2]))
        .toList();
  }
}
