package org.vividly.identity.internal;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which organization each OpenID Connect provider signs people in to ({@code vividly.sign-in.oidc.<registration>.*}),
 * where {@code <registration>} is a Spring Security client registration
 * ({@code spring.security.oauth2.client.registration.<registration>.*}).
 *
 * @param oidc per registration id
 */
@ConfigurationProperties("vividly.sign-in")
public record SchoolSignInProperties(Map<String, Provider> oidc) {

  public SchoolSignInProperties {
    oidc = oidc == null ? Map.of() : Map.copyOf(oidc);
  }

  /**
   * @param organization the slug of the organization its people belong to
   * @param emailDomains the email domains it may sign in, for example {@code lincoln.k12.us}; a
   *     person whose verified email is of another domain is refused
   * @param label the button's words on the login page, for example {@code Google Workspace}
   */
  public record Provider(String organization, List<String> emailDomains, String label) {

    public Provider {
      emailDomains = emailDomains == null ? List.of() : emailDomains.stream().map(d -> d.strip().toLowerCase(java.util.Locale.ROOT)).filter(d -> !d.isEmpty()).toList();
    }
  }
}
