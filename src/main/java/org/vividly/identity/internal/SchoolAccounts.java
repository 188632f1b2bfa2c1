package org.vividly.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.vividly.identity.SchoolSignIn;
import org.vividly.identity.SignInRefused;
import org.vividly.tenancy.Caller;

/**
 * The OpenID Connect side of school sign-in: the provider's user (from its ID token and user-info
 * endpoint, checked by Spring Security) goes through {@link SchoolSignIn}; a refusal becomes an
 * OAuth 2.0 {@code access_denied} error that the login page shows, and a success signs the person
 * in exactly as the password form does (a web session whose principal is the {@link Caller}).
 */
final class SchoolAccounts {

  private SchoolAccounts() {}

  /** The provider's user, with the Vividly person it signed in. */
  static final class SchoolAccountUser extends DefaultOidcUser {
    private final transient Caller caller;

    SchoolAccountUser(OidcUser user, Caller caller) {
      super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
      this.caller = caller;
    }

    Caller caller() {
      return caller;
    }
  }

  static OAuth2UserService<OidcUserRequest, OidcUser> userService(SchoolSignIn signIn) {
    OidcUserService provider = new OidcUserService();
    return request -> {
      OidcUser user = provider.loadUser(request);
      // Microsoft Entra ID may leave out "email"; its preferred_username is the directory's sign-in name.
      String email = user.getEmail() != null ? user.getEmail() : user.getPreferredUsername();
      try {
        Caller caller = signIn.signIn(request.getClientRegistration().getRegistrationId(), String.valueOf(user.getIssuer()), user.getSubject(), email, user.getEmailVerified());
        return new SchoolAccountUser(user, caller);
      } catch (SignInRefused e) {
        throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", e.getMessage(), null), e.getMessage());
      }
    };
  }

  /** Replaces the provider's authentication with the person's, as the login form makes it, then goes where they were headed. */
  static AuthenticationSuccessHandler successHandler() {
    SecurityContextRepository contexts = new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
    next.setRequestCache(SecurityConfiguration.pageRequestCache());
    next.setDefaultTargetUrl("/");
    return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
      if (!(authentication.getPrincipal() instanceof SchoolAccountUser user)) throw new IllegalStateException("A school sign-in without its person: " + authentication.getPrincipal());
      Caller caller = user.caller();
      UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(caller, null, SecurityConfiguration.authorities(caller));
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(signedIn);
      SecurityContextHolder.setContext(context);
      contexts.saveContext(context, request, response);
      try {
        next.onAuthenticationSuccess(request, response, signedIn);
      } catch (jakarta.servlet.ServletException e) {
        throw new IOException(e);
      }
    };
  }

  /**
   * Every provider of {@code vividly.sign-in.oidc} needs its client registration.
   *
   * @throws IllegalStateException at start-up naming the missing ones
   */
  static void check(SchoolSignInProperties properties, ClientRegistrationRepository registrations) {
    for (Map.Entry<String, SchoolSignInProperties.Provider> e : properties.oidc().entrySet()) {
      if (registrations == null || registrations.findByRegistrationId(e.getKey()) == null) {
        throw new IllegalStateException("vividly.sign-in.oidc." + e.getKey() + " has no client registration: set spring.security.oauth2.client.registration." + e.getKey() + ".client-id, client-secret and the provider's issuer-uri");
      }
      if (e.getValue().organization() == null || e.getValue().organization().isBlank()) throw new IllegalStateException("vividly.sign-in.oidc." + e.getKey() + ".organization names no organization (its slug)");
      if (e.getValue().emailDomains().isEmpty()) throw new IllegalStateException("vividly.sign-in.oidc." + e.getKey() + ".email-domains is empty: say which email domains it signs in");
    }
  }
}
