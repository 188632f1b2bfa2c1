package org.vividly.identity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vividly.identity.internal.SchoolSignInProperties;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Organization;
import org.vividly.tenancy.Organizations;

/**
 * Sign-in with a school account through OpenID Connect (Google Workspace, Microsoft Entra ID or any
 * provider), configured per organization and matched by email domain. The rule: a person signs in
 * to an account that already exists. Their first sign-in links the provider's subject to the
 * account of the same verified email in the provider's organization (using up an invitation they
 * were sent); later ones find the account by that link. Anyone else is refused with the reason:
 * an email of another domain, an unverified email, or no account to link (no one enrols
 * themselves into a school).
 */
@Service
public class SchoolSignIn {

  private static final Logger log = LoggerFactory.getLogger(SchoolSignIn.class);

  private final SchoolSignInProperties properties;
  private final Accounts accounts;
  private final Organizations organizations;
  private final JdbcClient jdbc;

  SchoolSignIn(SchoolSignInProperties properties, Accounts accounts, Organizations organizations, JdbcClient jdbc) {
    this.properties = properties;
    this.accounts = accounts;
    this.organizations = organizations;
    this.jdbc = jdbc;
  }

  /**
   * A provider as the login page offers it.
   *
   * @param registration the Spring Security client registration id; its button goes to {@code /oauth2/authorization/<registration>}
   * @param label the button's words
   */
  public record Provider(String registration, String label) {}

  /** The configured providers, for the login page. */
  public List<Provider> providers() {
    return properties.oidc().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> new Provider(e.getKey(), e.getValue().label() == null || e.getValue().label().isBlank() ? e.getKey() : e.getValue().label().strip()))
        .toList();
  }

  /**
   * Signs a person in with what their provider vouched for.
   *
   * @param registration the client registration they signed in through
   * @param issuer the ID token's {@code iss}
   * @param subject the ID token's {@code sub}, stable for the person at that issuer
   * @param email the {@code email} claim, or null
   * @param emailVerified the {@code email_verified} claim, or null when the provider sends none
   *     (Microsoft Entra ID sends none; its {@code email} is the directory's)
   * @return the signed-in person (without a session)
   * @throws SignInRefused with the reason a person can act on
   */
  @Transactional
  public Caller signIn(String registration, String issuer, String subject, String email, Boolean emailVerified) {
    SchoolSignInProperties.Provider provider = properties.oidc().get(registration);
    if (provider == null || provider.organization() == null) throw new SignInRefused("Sign-in with " + registration + " is not set up for any school on this server.");
    Organization organization = organizations.findBySlug(provider.organization())
        .orElseThrow(() -> new SignInRefused("Sign-in with " + label(registration, provider) + " names an organization this server does not have (" + provider.organization() + "). Tell your school's IT."));

    Optional<Account> linked = jdbc.sql("SELECT user_id FROM oidc_link WHERE issuer = ? AND subject = ?").params(issuer, subject).query(UUID.class).optional().flatMap(accounts::find);
    if (linked.isPresent()) {
      Account account = linked.get();
      if (!account.organization().equals(organization.id())) throw new SignInRefused("Your " + label(registration, provider) + " account is linked to another organization.");
      accounts.requireConsentIfNeeded(account);
      jdbc.sql("UPDATE oidc_link SET last_used_at = now() WHERE issuer = ? AND subject = ?").params(issuer, subject).update();
      accounts.signedIn(account.id());
      return caller(account);
    }

    if (email == null || email.isBlank() || !email.contains("@")) throw new SignInRefused(label(registration, provider) + " did not share your email address, so Vividly cannot find your account.");
    if (Boolean.FALSE.equals(emailVerified)) throw new SignInRefused(label(registration, provider) + " has not verified " + email + ". Verify it there, then sign in again.");
    String domain = email.substring(email.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
    if (!provider.emailDomains().contains(domain)) {
      log.info("School sign-in through {} refused: {} is not of {}", registration, email, provider.emailDomains());
      throw new SignInRefused("Sign-in with " + label(registration, provider) + " is for " + String.join(", ", provider.emailDomains().stream().map(d -> "@" + d).toList()) + " accounts; " + email + " is not one.");
    }
    Account account = accounts.findByEmail(email).filter(a -> a.organization().equals(organization.id()))
        .orElseThrow(() -> new SignInRefused(email + " has no Vividly account at " + organization.name() + ". Ask your school's Vividly admin to invite you, then sign in again."));
    accounts.requireConsentIfNeeded(account);
    jdbc.sql("INSERT INTO oidc_link (issuer, subject, user_id, registration, email) VALUES (?, ?, ?, ?, ?)").params(issuer, subject, account.id(), registration, email.strip()).update();
    // The invitation is answered: its link stops working.
    jdbc.sql("UPDATE one_time_token SET used_at = now() WHERE user_id = ? AND purpose = 'invitation' AND used_at IS NULL").param(account.id()).update();
    accounts.signedIn(account.id());
    log.info("School account {} at {} linked to {} ({})", subject, issuer, account.id(), registration);
    return caller(accounts.find(account.id()).orElseThrow());
  }

  private static Caller caller(Account a) {
    return new Caller(a.id(), a.organization(), a.role(), a.email(), a.displayName(), null);
  }

  private static String label(String registration, SchoolSignInProperties.Provider provider) {
    return provider.label() == null || provider.label().isBlank() ? registration : provider.label().strip();
  }
}
