package org.vividly.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Resolves the organization a web or API request acts for. Today that is the
 * {@code X-Vividly-Organization} header (or {@code org} query parameter), defaulting to the default
 * organization; with sign-in it will come from the signed-in user.
 */
@Component
public class CurrentOrganization {

  public static final String HEADER = "X-Vividly-Organization";
  private final Organizations organizations;

  CurrentOrganization(Organizations organizations) {
    this.organizations = organizations;
  }

  public OrganizationId of(HttpServletRequest request) {
    String slug = request.getHeader(HEADER);
    if (slug == null || slug.isBlank()) {
      slug = request.getParameter("org");
    }
    return (slug == null || slug.isBlank() ? organizations.defaultOrganization() : organizations.resolve(slug.trim())).id();
  }
}
