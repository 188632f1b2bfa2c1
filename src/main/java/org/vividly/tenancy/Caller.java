package org.vividly.tenancy;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The signed-in person a web or API request acts for: the principal of its Spring Security
 * authentication, from a session cookie or a JWT bearer token.
 *
 * @param userId the person
 * @param organization the tenant every query of this request is limited to
 * @param role what they may do
 * @param session the sign-in session (refresh-token family) the request's token belongs to
 */
public record Caller(UUID userId, OrganizationId organization, Role role, String email, String displayName, UUID session) implements Serializable, org.springframework.security.core.AuthenticatedPrincipal {

  /**
   * The person's id: the name Spring Security gives the authentication, and the principal name a
   * stored web session is indexed by.
   */
  @Override
  public String getName() {
    return userId.toString();
  }

  public Caller {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(role, "role");
  }

  /** The same person acting in another organization (super admins only). */
  public Caller actingIn(OrganizationId other) {
    return new Caller(userId, other, role, email, displayName, session);
  }
}
