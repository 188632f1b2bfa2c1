package org.vividly.ratelimit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API operation that the per-client API limit leaves alone, because the service behind
 * it limits it by something better than the caller's address: sign-in counts failures per account
 * and address ({@code SignIn}), a token refresh counts per sign-in session ({@code Tokens}), and
 * media files are fetched by players in many range requests that no person made one by one.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface OwnRateLimit {

  /** Why this operation is limited elsewhere, for the reader. */
  String value();
}
