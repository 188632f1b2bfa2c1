package org.vividly.common;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Base of every business exception. Each subclass is named after what happened
 * ({@code SourceUnreadable}, {@code LessonNotFound}) and carries a stable problem type URI and an
 * HTTP status, so that one advice maps all of them to RFC 7807 Problem Details.
 */
public abstract class VividlyException extends RuntimeException {

  private final HttpStatus status;
  private final String type;

  protected VividlyException(HttpStatus status, String type, String message) {
    this(status, type, message, null);
  }

  protected VividlyException(HttpStatus status, String type, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.type = type;
  }

  public HttpStatus status() {
    return status;
  }

  /** Stable problem type, for example {@code https://vividly.org/problems/source-unreadable}. */
  public URI type() {
    return URI.create(Problems.TYPES + type);
  }

  /** Seconds after which trying again may succeed (sent as {@code Retry-After}), or 0 for none. */
  public long retryAfterSeconds() {
    return 0;
  }

  /** Extra Problem Details members (RFC 7807 §3.2 extensions), for example what is left of a quota. */
  public java.util.Map<String, Object> properties() {
    return java.util.Map.of();
  }

  /** Whether trying again later may succeed (a busy engine) or not (bad input). */
  public boolean retriable() {
    return status.is5xxServerError();
  }
}
