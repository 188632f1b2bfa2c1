package org.vividly.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.vividly.common.Forbidden;

/**
 * Resolves who a web or API request acts for, from its Spring Security authentication (session
 * cookie or JWT bearer token). The organization is the signed-in person's; only a super admin may
 * act in another one, by naming its slug in the {@code X-Vividly-Organization} header.
 */
@Component
public class CurrentOrganization {

  public static final String HEADER = "X-Vividly-Organization";
  private final Organizations organizations;
  private final Schools schools;

  CurrentOrganization(Organizations organizations, Schools schools) {
    this.organizations = organizations;
    this.schools = schools;
  }

  /** The organization every query of this request is limited to. */
  public OrganizationId of(HttpServletRequest request) {
    return caller(request).organization();
  }

  /**
   * The signed-in caller.
   *
   * @throws Forbidden when the request is not signed in (security rules normally stop it first) or
   *     names another organization without being a super admin
   */
  public Caller caller(HttpServletRequest request) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof Caller caller)) {
      throw new Forbidden("Sign in first");
    }
    String slug = request.getHeader(HEADER);
    if (slug == null || slug.isBlank()) return caller;
    if (caller.role() != Role.SUPER_ADMIN) {
      Organization own = organizations.get(caller.organization());
      if (own.slug().equals(slug.trim())) return caller;
      throw new Forbidden("Only a super admin may act in another organization");
    }
    return caller.actingIn(organizations.findBySlug(slug.trim()).orElseThrow(() -> new org.vividly.common.NotFound("Organization", slug.trim())).id());
  }

  /** Whose requests and lessons this request may see. */
  public Visibility visibility(HttpServletRequest request) {
    return schools.visibility(caller(request));
  }
}
