package org.vividly.quota;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API operation that answers a question, so it takes one unit of the caller's monthly
 * quota and one of their questions per hour. The service behind it charges; this annotation only
 * says so in the OpenAPI document (the extension {@code x-vividly-quota} lists the meters), where
 * {@code QuotaWalkIT} finds every such operation and checks that it does.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Metered {

  /** The meters a call may take a unit of: {@link Meter#TEXT}, or {@link Meter#VIDEO} when it narrates. */
  Meter[] value();
}
