package org.vividly.common;

import java.net.URI;
import java.net.URISyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The address people reach this installation at ({@code vividly.public-url}, for example
 * {@code https://learn.district.org}), from which every absolute link the server hands out is
 * built: invitation and password-reset emails, notifications, links in API answers. Never from the
 * request's {@code Host} or {@code X-Forwarded-Host} header: a caller who sets those to their own
 * server would otherwise receive the one-time token of the emailed link (host-header poisoning,
 * OWASP WSTG-INPV-17). When it is not set, links point at {@code http://localhost:<port>}, which is
 * right for a single machine and visibly wrong anywhere else.
 */
@Component
public class PublicUrl {

  private static final Logger log = LoggerFactory.getLogger(PublicUrl.class);
  private final String configured;
  private volatile String base;

  /**
   * @throws IllegalArgumentException at start-up when the configured value is not an absolute
   *     http(s) address without query or fragment
   */
  PublicUrl(@Value("${vividly.public-url:}") String configured, @Value("${server.port:8080}") int port) {
    this.configured = configured == null || configured.isBlank() ? null : check(configured.strip());
    this.base = this.configured != null ? this.configured : "http://localhost:" + (port > 0 ? port : 8080);
  }

  /** Without a configured address, links use the port the server really listens on. */
  @EventListener
  void started(WebServerInitializedEvent event) {
    if (configured != null) return;
    if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
      base = "http://localhost:" + event.getWebServer().getPort();
      log.warn("vividly.public-url is not set: links in emails point at {}, which only works on this machine. Set it to the address people use to reach this server.", base);
    }
  }

  /**
   * An absolute link to a path of this installation.
   *
   * @param path starting with {@code /}, for example {@code /password-reset/<token>}
   */
  public String link(String path) {
    if (path == null || !path.startsWith("/")) throw new IllegalArgumentException("A link path starts with '/': " + path);
    return base + path;
  }

  private static String check(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("vividly.public-url '" + value + "' is not an address: " + e.getMessage());
    }
    if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
      throw new IllegalArgumentException("vividly.public-url must be an http or https address such as https://learn.example.org, not '" + value + "'");
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }
}
