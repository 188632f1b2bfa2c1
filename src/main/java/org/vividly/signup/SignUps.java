package org.vividly.signup;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.vividly.common.InvalidRequest;
import org.vividly.common.NotFound;
import org.vividly.common.PublicUrl;
import org.vividly.common.SecretTokens;
import org.vividly.identity.Account;
import org.vividly.identity.Accounts;
import org.vividly.identity.NewAccount;
import org.vividly.notifications.Email;
import org.vividly.notifications.Mail;
import org.vividly.notifications.MailKind;
import org.vividly.quota.Quotas;
import org.vividly.tenancy.Organization;
import org.vividly.tenancy.OrganizationType;
import org.vividly.tenancy.Organizations;
import org.vividly.tenancy.Role;

/** Sign-ups waiting for their email, and the trials they start. See the package documentation. */
@Service
public class SignUps {

  private static final Logger log = LoggerFactory.getLogger(SignUps.class);
  /** The plan a trial gives. */
  public static final String TRIAL_PLAN = "family";
  static final Duration TRIAL = Duration.ofDays(7);
  static final Duration REFERRAL_BONUS = Duration.ofDays(7);
  /** The most referrals that extend one person's trial. */
  static final int MAX_REFERRALS = 4;
  private static final Duration VERIFY_WITHIN = Duration.ofHours(24);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Accounts accounts;
  private final Organizations organizations;
  private final Quotas quotas;
  private final Mail mail;
  private final ITemplateEngine templates;
  private final PublicUrl publicUrl;
  private final org.vividly.ratelimit.RateLimits limits;

  SignUps(JdbcClient jdbc, Accounts accounts, Organizations organizations, Quotas quotas, Mail mail, ITemplateEngine templates, PublicUrl publicUrl, org.vividly.ratelimit.RateLimits limits) {
    this.limits = limits;
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.organizations = organizations;
    this.quotas = quotas;
    this.mail = mail;
    this.templates = templates;
    this.publicUrl = publicUrl;
  }

  /**
   * @param kind {@code family} or {@code homeschool_group}
   * @param organizationName the group's name (a family's is made from the person's name when empty)
   * @param referralCode another person's code, or empty
   */
  public record Request(String kind, String email, String name, String password, String organizationName, String referralCode) {}

  /** @param trialEndsAt when the Family trial falls back to Free */
  public record Verified(Account account, Organization organization, Instant trialEndsAt, String referralCode) {}

  /**
   * Starts a sign-up: checks it and emails a link to verify the address. An email that has an
   * account gets a note saying so instead, so the answer does not tell who has one.
   *
   * @throws InvalidRequest for a bad kind, email, name, password or referral code
   */
  @Transactional
  public void start(Request request) {
    String kind = request.kind() == null ? "family" : request.kind().strip().toLowerCase(Locale.ROOT);
    if (!kind.equals("family") && !kind.equals("homeschool_group")) throw new InvalidRequest("kind is family or homeschool_group");
    if (request.email() == null || !request.email().contains("@")) throw new InvalidRequest("An email address is needed, to verify it");
    String email = request.email().strip();
    if (request.name() == null || request.name().isBlank()) throw new InvalidRequest("Your name is needed");
    String name = request.name().strip();
    String passwordHash = accounts.hash(request.password());
    String group = request.organizationName() == null || request.organizationName().isBlank()
        ? (kind.equals("family") ? name + "'s family" : null) : request.organizationName().strip();
    if (group == null) throw new InvalidRequest("A homeschool group needs its name");
    String code = request.referralCode() == null || request.referralCode().isBlank() ? null : request.referralCode().strip().toUpperCase(Locale.ROOT);
    if (code != null && jdbc.sql("SELECT count(*) FROM trial WHERE referral_code = ?").param(code).query(Long.class).single() == 0) throw new InvalidRequest("No one has the referral code " + code);
    // However often someone asks, an address gets a few emails an hour; the answer stays the same.
    if (!limits.consume(org.vividly.ratelimit.RateLimit.PASSWORD_RESETS, "signup:" + email.toLowerCase(Locale.ROOT)).allowed()) {
      log.info("Sign-up email to {} not sent: too many this hour", email);
      return;
    }
    Optional<Account> existing = accounts.findByEmail(email);
    if (existing.isPresent()) {
      Account a = existing.get();
      send(a.organization(), a.id(), email, name, "You already have a Vividly account", "email/signup-exists", publicUrl.link("/password-reset"), Map.of());
      return;
    }
    String token = SecretTokens.random();
    jdbc.sql("INSERT INTO signup (id, kind, email, display_name, organization_name, password_hash, referral_code, token_hash, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(UUID.randomUUID(), kind, email, name, group, passwordHash, code, SecretTokens.hash(token), java.sql.Timestamp.from(Instant.now().plus(VERIFY_WITHIN)))
        .update();
    // Until verified there is no organization: the message is kept under the shared library's.
    send(organizations.sharedLibrary().id(), null, email, name, "Verify your email for Vividly", "email/signup-verify", publicUrl.link("/signup/verify/" + token), Map.of("group", group));
  }

  /** Who a verification link is for, without using it. */
  public Optional<String> pending(String token) {
    return jdbc.sql("SELECT email FROM signup WHERE token_hash = ? AND verified_at IS NULL AND expires_at > now()").param(SecretTokens.hash(token == null ? "" : token)).query(String.class).optional();
  }

  /**
   * Verifies the email: makes the organization, the person (its admin) and their trial, once.
   *
   * @throws NotFound when the link is unknown, used or expired
   */
  @Transactional
  public Verified verify(String token) {
    Map<String, Object> row = jdbc.sql("UPDATE signup SET verified_at = now() WHERE token_hash = ? AND verified_at IS NULL AND expires_at > now() RETURNING kind, email, display_name, organization_name, password_hash, referral_code")
        .param(SecretTokens.hash(token == null ? "" : token))
        .query()
        .listOfRows()
        .stream()
        .findFirst()
        .orElseThrow(() -> new NotFound("Sign-up link", "(used, expired, or never sent)"));
    String email = (String) row.get("email");
    if (accounts.findByEmail(email).isPresent()) throw new InvalidRequest(email + " has an account already: sign in, or reset its password");
    String groupName = (String) row.get("organization_name");
    Organization org = organizations.create(groupName, organizations.freeSlug(groupName, "family"), OrganizationType.HOMESCHOOL_GROUP);
    Account account = accounts.create(org.id(), new NewAccount(email, (String) row.get("display_name"), Role.ORG_ADMIN, null, null, null, java.util.List.of()), (String) row.get("password_hash"));
    // As the database keeps it (microseconds), so what this answers is what a later read finds.
    Instant ends = Instant.now().plus(TRIAL).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    String referrer = (String) row.get("referral_code");
    if (referrer != null) {
      int extended = jdbc.sql("UPDATE trial SET ends_at = ends_at + make_interval(days => ?), referrals = referrals + 1 WHERE referral_code = ? AND referrals < ? AND ended_at IS NULL")
          .params((int) REFERRAL_BONUS.toDays(), referrer, MAX_REFERRALS)
          .update();
      ends = ends.plus(REFERRAL_BONUS);
      log.info("Sign-up {} used referral code {} (referrer's trial extended: {})", account.id(), referrer, extended > 0);
    }
    String code = referralCode();
    jdbc.sql("INSERT INTO trial (user_id, organization_id, plan, ends_at, referral_code) VALUES (?, ?, ?, ?, ?)").params(account.id(), org.id().value(), TRIAL_PLAN, java.sql.Timestamp.from(ends), code).update();
    quotas.changePlan(org.id(), account.id(), TRIAL_PLAN);
    return new Verified(accounts.get(org.id(), account.id()), org, ends, code);
  }

  /**
   * Ends the trials due by {@code now}: their people fall back to their organization's plan (Free).
   * Safe on several servers at once: each trial is ended by one.
   *
   * @return how many ended
   */
  @Transactional
  public int endTrials(Instant now) {
    var ended = jdbc.sql("UPDATE trial SET ended_at = now() WHERE ended_at IS NULL AND ends_at <= ? RETURNING user_id, organization_id, plan")
        .param(java.sql.Timestamp.from(now))
        .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)})
        .list();
    for (Object[] t : ended) {
      UUID user = (UUID) t[0];
      org.vividly.tenancy.OrganizationId org = new org.vividly.tenancy.OrganizationId((UUID) t[1]);
      // A person who paid meanwhile (their plan is no longer the trial's) keeps what they paid for.
      Optional<Account> account = accounts.find(user);
      if (account.isPresent() && t[2].equals(account.get().planCode())) quotas.changePlan(org, user, null);
    }
    if (!ended.isEmpty()) log.info("{} free trial(s) ended", ended.size());
    return ended.size();
  }

  /** A person's trial: its end and their referral code. */
  public record Trial(String plan, Instant endsAt, boolean ended, String referralCode, int referrals) {}

  public Optional<Trial> trial(UUID userId) {
    return jdbc.sql("SELECT plan, ends_at, ended_at IS NOT NULL, referral_code, referrals FROM trial WHERE user_id = ?").param(userId)
        .query((rs, i) -> new Trial(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getBoolean(3), rs.getString(4), rs.getInt(5))).optional();
  }

  private void send(org.vividly.tenancy.OrganizationId org, UUID user, String email, String name, String subject, String template, String link, Map<String, Object> extra) {
    Context context = new Context(Locale.ENGLISH);
    context.setVariable("name", name);
    context.setVariable("subject", subject);
    context.setVariable("link", link);
    extra.forEach(context::setVariable);
    mail.send(new Email(org, user, email, name, MailKind.SIGN_UP, subject, templates.process(template, context), null));
  }

  private static String referralCode() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 8; i++) code.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    return code.toString();
  }

}
