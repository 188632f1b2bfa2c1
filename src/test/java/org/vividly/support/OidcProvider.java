package org.vividly.support;

import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server on a port of its own, with
 * one client ({@code vividly} / {@code secret}), a login form, and people whose ID tokens carry an
 * {@code email} and {@code email_verified} claim. Reached as {@code localhost}, so its cookies and
 * the Vividly server's (reached as {@code 127.0.0.1}) do not mix.
 */
public final class OidcProvider implements AutoCloseable {

  /** Password of every person of the provider. */
  public static final String PASSWORD = "provider-password";

  private final ConfigurableApplicationContext context;

  /**
   * @param people user name to {@code email}, and whether it is verified
   * @param redirectUri the Vividly server's {@code /login/oauth2/code/<registration>} address
   */
  public OidcProvider(Map<String, Map.Entry<String, Boolean>> people, String redirectUri) {
    PEOPLE = Map.copyOf(people);
    // A configuration name of its own, so the product's application.yml (port 8080 and more) is not read.
    context = new SpringApplicationBuilder(Application.class)
        .properties(Map.of(
            "spring.config.name", "oidc-provider",
            "server.port", "0",
            "spring.main.banner-mode", "off",
            "spring.security.oauth2.authorizationserver.client.vividly.registration.client-id", "vividly",
            "spring.security.oauth2.authorizationserver.client.vividly.registration.client-secret", "{noop}secret",
            "spring.security.oauth2.authorizationserver.client.vividly.registration.client-authentication-methods", "client_secret_basic",
            "spring.security.oauth2.authorizationserver.client.vividly.registration.authorization-grant-types", "authorization_code",
            "spring.security.oauth2.authorizationserver.client.vividly.registration.redirect-uris", redirectUri,
            "spring.security.oauth2.authorizationserver.client.vividly.registration.scopes", "openid,email,profile",
            "spring.security.oauth2.authorizationserver.client.vividly.require-authorization-consent", "false"))
        .run();
  }

  /** The issuer address, for {@code spring.security.oauth2.client.provider.<id>.issuer-uri}. */
  public String issuer() {
    return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  @Override
  public void close() {
    context.close();
  }

  private static volatile Map<String, Map.Entry<String, Boolean>> PEOPLE = Map.of();

  @SpringBootConfiguration
  @ImportAutoConfiguration(classes = {
      org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration.class,
      org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration.class,
      org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
      org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
      org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration.class,
      org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration.class,
      org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
      org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration.class,
      org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration.class,
      org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration.class,
      org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration.class,
      org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration.class
  })
  static class Application {

    @Bean
    UserDetailsService people() {
      InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
      for (String name : PEOPLE.keySet()) users.createUser(User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build());
      return users;
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> emailClaims() {
      return context -> {
        if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) return;
        Map.Entry<String, Boolean> email = PEOPLE.get(context.getPrincipal().getName());
        if (email == null) return;
        context.getClaims().claim("email", email.getKey()).claim("email_verified", email.getValue());
      };
    }
  }
}
