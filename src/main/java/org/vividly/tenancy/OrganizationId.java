package org.vividly.tenancy;

import java.util.Objects;
import java.util.UUID;

/** Identity of an organization (the tenant). */
public record OrganizationId(UUID value) implements java.io.Serializable {

  public OrganizationId {
    Objects.requireNonNull(value, "organization id");
  }

  public static OrganizationId of(String value) {
    return new OrganizationId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
