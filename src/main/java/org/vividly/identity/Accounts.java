package org.vividly.identity;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vividly.common.SecretTokens;
import org.vividly.common.AlreadyExists;
import org.vividly.common.InvalidRequest;
import org.vividly.common.NotFound;
import org.vividly.ratelimit.RateLimit;
import org.vividly.ratelimit.RateLimits;
import org.vividly.tenancy.Names;
import org.vividly.tenancy.OrganizationId;
import org.vividly.tenancy.Organizations;
import org.vividly.tenancy.Role;
import org.vividly.tenancy.Schools;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * People's accounts. Every method names the organization and touches only its accounts, so an id
 * from another organization is "not found". Passwords are stored as bcrypt hashes (cost 12 by
 * default); invitation and reset tokens as SHA-256 hashes, so a database leak reveals neither.
 */
@Service
public class Accounts {

  /** NIST SP 800-63B: at least 8 characters; bcrypt reads at most 72 bytes. */
  public static final int MIN_PASSWORD = 8;
  public static final int MAX_PASSWORD_BYTES = 72;
  static final Duration INVITATION_LIFETIME = Duration.ofDays(7);
  static final Duration RESET_LIFETIME = Duration.ofHours(1);
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,63}");
  private static final Set<String> MODALITIES = Set.of("text", "audio", "video");
  private static final String COLUMNS = "id, organization_id, school_id, email, display_name, role, grade, plan_code, preferences, (password_hash IS NOT NULL OR EXISTS (SELECT 1 FROM oidc_link l WHERE l.user_id = app_user.id)), last_sign_in_at, created_at, birth_date, parental_consent_at";

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final Organizations organizations;
  private final Schools schools;
  private final JsonMapper json;
  private final RateLimits limits;

  Accounts(JdbcClient jdbc, PasswordEncoder passwords, Organizations organizations, Schools schools, JsonMapper json, RateLimits limits) {
    this.limits = limits;
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.organizations = organizations;
    this.schools = schools;
    this.json = json;
  }

  /**
   * Creates an account. Without a password the person is invited: see {@link #invite}.
   *
   * @throws InvalidRequest for a bad email, name, role, grade or password, or a school of another organization
   * @throws AlreadyExists when the email is taken (in any organization: an email signs in to one account)
   */
  @Transactional
  public Account create(OrganizationId org, NewAccount account) {
    return create(org, account, account.password() == null ? null : hash(account.password()));
  }

  /**
   * Creates an account whose password hash was made by {@link #hash} (demo seeding hashes one
   * password once for many accounts).
   */
  @Transactional
  public Account create(OrganizationId org, NewAccount account, String passwordHash) {
    organizations.get(org);
    String email = email(account.email());
    String name = Names.check("Display name", account.displayName());
    if (account.role() == null) throw new InvalidRequest("role is required");
    if (account.schoolId() != null) schools.requireSchool(org, account.schoolId());
    checkGrade(account.grade());
    UUID id = UUID.randomUUID();
    try {
      jdbc.sql("INSERT INTO app_user (id, organization_id, school_id, email, display_name, role, grade, password_hash, preferences) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)")
          .params(id, org.value(), account.schoolId(), email, name, account.role().code(), account.grade(), passwordHash, json.writeValueAsString(Map.of("interests", interests(account.interests()))))
          .update();
    } catch (DuplicateKeyException e) {
      throw new AlreadyExists("An account with email " + email + " already exists");
    }
    return get(org, id);
  }

  /** A bcrypt hash of a password that meets the rules. */
  public String hash(String password) {
    checkPassword(password);
    return passwords.encode(password);
  }

  public Account get(OrganizationId org, UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = ? AND organization_id = ? AND deleted_at IS NULL").params(id, org.value()).query(this::map).optional().orElseThrow(() -> new NotFound("User", id));
  }

  public Optional<Account> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = ? AND deleted_at IS NULL").param(id).query(this::map).optional();
  }

  public Optional<Account> findByEmail(String email) {
    if (email == null) return Optional.empty();
    return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE lower(email) = lower(?) AND deleted_at IS NULL").param(email.strip()).query(this::map).optional();
  }

  /**
   * Accounts of an organization, by name.
   *
   * @param role only this role, or null for all
   * @param only only these ids (a teacher's students), or null for all
   */
  public List<Account> list(OrganizationId org, Role role, Set<UUID> only) {
    if (only != null && only.isEmpty()) return List.of();
    return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE organization_id = ? AND deleted_at IS NULL AND (CAST(? AS text) IS NULL OR role = ?) AND (CAST(? AS uuid[]) IS NULL OR id = ANY(?)) ORDER BY display_name, email LIMIT 5000")
        .params(org.value(), role == null ? null : role.code(), role == null ? null : role.code(), only == null ? null : only.toArray(UUID[]::new), only == null ? null : only.toArray(UUID[]::new))
        .query(this::map)
        .list();
  }

  /**
   * One page of the organization's people, by name, for the admin's people table.
   *
   * @param people the page
   * @param total how many match in all
   */
  public record PeoplePage(List<Account> people, int total, int offset, int limit) {}

  /**
   * @param query a part of the name or email (case-insensitive), or blank for everyone
   * @param offset how many to skip
   * @param limit 1 to 200
   */
  public PeoplePage page(OrganizationId org, String query, int offset, int limit) {
    String q = query == null ? "" : query.strip();
    String pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    int size = Math.clamp(limit, 1, 200);
    int from = Math.max(0, offset);
    String where = " FROM app_user WHERE organization_id = ? AND deleted_at IS NULL AND (display_name ILIKE ? OR email ILIKE ?)";
    int total = jdbc.sql("SELECT count(*)" + where).params(org.value(), pattern, pattern).query(Integer.class).single();
    List<Account> people = jdbc.sql("SELECT " + COLUMNS + where + " ORDER BY display_name, email OFFSET ? LIMIT ?").params(org.value(), pattern, pattern, from, size).query(this::map).list();
    return new PeoplePage(people, total, from, size);
  }

  /**
   * People of an organization whose name contains {@code query} (case-insensitive), by name: what
   * a picker shows instead of the whole directory.
   *
   * @param only only these ids (the people the caller may see), or null for everyone
   * @param limit at most this many
   * @return nothing for a query shorter than two characters
   */
  public List<Account> search(OrganizationId org, String query, Set<UUID> only, int limit) {
    if (query == null || query.strip().length() < 2 || (only != null && only.isEmpty())) return List.of();
    String pattern = "%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE organization_id = ? AND deleted_at IS NULL AND display_name ILIKE ? AND (CAST(? AS uuid[]) IS NULL OR id = ANY(?)) ORDER BY display_name, email LIMIT ?")
        .params(org.value(), pattern, only == null ? null : only.toArray(UUID[]::new), only == null ? null : only.toArray(UUID[]::new), Math.clamp(limit, 1, 50))
        .query(this::map)
        .list();
  }

  /** Changes what is given (nulls are left alone). */
  @Transactional
  public Account update(OrganizationId org, UUID id, String displayName, Role role, UUID schoolId, Integer grade) {
    Account current = get(org, id);
    if (schoolId != null) schools.requireSchool(org, schoolId);
    checkGrade(grade);
    jdbc.sql("UPDATE app_user SET display_name = ?, role = ?, school_id = ?, grade = ? WHERE id = ?")
        .params(displayName == null ? current.displayName() : Names.check("Display name", displayName), (role == null ? current.role() : role).code(), schoolId == null ? current.schoolId() : schoolId, grade == null ? current.grade() : grade, id)
        .update();
    return get(org, id);
  }

  /** Sets or clears a person's own plan (a payment provider's webhook would call this too). */
  @Transactional
  public Account setPlan(OrganizationId org, UUID id, String planCode) {
    get(org, id);
    jdbc.sql("UPDATE app_user SET plan_code = ? WHERE id = ?").params(planCode, id).update();
    return get(org, id);
  }

  /**
   * Stores a person's lesson preferences (JSONB, GIN-indexed).
   *
   * @param preferredModality text, audio or video, or null
   */
  @Transactional
  public Account setPreferences(OrganizationId org, UUID id, List<String> interests, String preferredModality) {
    get(org, id);
    if (preferredModality != null && !MODALITIES.contains(preferredModality)) throw new InvalidRequest("preferredModality must be text, audio or video");
    ObjectNode preferences = json.createObjectNode();
    preferences.putPOJO("interests", interests(interests));
    if (preferredModality != null) preferences.put("preferredModality", preferredModality);
    jdbc.sql("UPDATE app_user SET preferences = ?::jsonb WHERE id = ?").params(json.writeValueAsString(preferences), id).update();
    return get(org, id);
  }

  /** Soft delete: the person can no longer sign in and every session ends; their records stay. */
  @Transactional
  public void delete(OrganizationId org, UUID id) {
    get(org, id);
    jdbc.sql("UPDATE app_user SET deleted_at = now() WHERE id = ?").param(id).update();
    jdbc.sql("UPDATE auth_session SET revoked_at = now(), revoked_reason = 'account deleted' WHERE user_id = ? AND revoked_at IS NULL").param(id).update();
  }

  /**
   * A one-time invitation token (valid 7 days) with which the person chooses their password. A new
   * invitation replaces older unused ones.
   */
  @Transactional
  public String invite(OrganizationId org, UUID id, UUID invitedBy) {
    get(org, id);
    jdbc.sql("DELETE FROM one_time_token WHERE user_id = ? AND purpose = 'invitation' AND used_at IS NULL").param(id).update();
    return oneTimeToken(id, "invitation", invitedBy, INVITATION_LIFETIME);
  }

  /** Who an unused, unexpired invitation is for. */
  public Optional<Account> invitation(String token) {
    return tokenOwner(token, "invitation");
  }

  /**
   * Accepts an invitation: sets the password (and name, when given) and uses the token up.
   *
   * @throws SignInRefused when the token is unknown, used or expired
   */
  @Transactional
  public Account acceptInvitation(String token, String password, String displayName) {
    Account account = useToken(token, "invitation");
    String hash = hash(password);
    jdbc.sql("UPDATE app_user SET password_hash = ?, display_name = ? WHERE id = ?").params(hash, displayName == null || displayName.isBlank() ? account.displayName() : Names.check("Display name", displayName), account.id()).update();
    return find(account.id()).orElseThrow();
  }

  /**
   * A password-reset token (valid 1 hour) for the account with this email, or empty when there is
   * none, or when the account was sent {@code vividly.rate-limit.password-resets-per-hour} already;
   * callers answer the same either way so that emails cannot be probed.
   */
  @Transactional
  public Optional<PasswordReset> requestPasswordReset(String email) {
    return findByEmail(email).filter(Account::activated)
        .filter(account -> limits.consume(RateLimit.PASSWORD_RESETS, "account:" + account.id()).allowed())
        .map(account -> new PasswordReset(account, oneTimeToken(account.id(), "password_reset", null, RESET_LIFETIME)));
  }

  /** @param token the raw token for the link; only its hash is stored */
  public record PasswordReset(Account account, String token) {}

  /**
   * Sets a new password with a reset token and ends every session of the account.
   *
   * @throws SignInRefused when the token is unknown, used or expired
   */
  @Transactional
  public Account resetPassword(String token, String password) {
    Account account = useToken(token, "password_reset");
    jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ?").params(hash(password), account.id()).update();
    jdbc.sql("UPDATE auth_session SET revoked_at = now(), revoked_reason = 'password reset' WHERE user_id = ? AND revoked_at IS NULL").param(account.id()).update();
    return account;
  }

  /** The stored bcrypt hash, for sign-in. */
  Optional<String> passwordHash(UUID id) {
    return jdbc.sql("SELECT password_hash FROM app_user WHERE id = ? AND deleted_at IS NULL AND password_hash IS NOT NULL").param(id).query(String.class).optional();
  }

  void signedIn(UUID id) {
    jdbc.sql("UPDATE app_user SET last_sign_in_at = now() WHERE id = ?").param(id).update();
  }

  private String oneTimeToken(UUID userId, String purpose, UUID createdBy, Duration lifetime) {
    String token = SecretTokens.random();
    jdbc.sql("INSERT INTO one_time_token (token_hash, purpose, user_id, created_by, expires_at) VALUES (?, ?, ?, ?, ?)")
        .params(SecretTokens.hash(token), purpose, userId, createdBy, Timestamp.from(Instant.now().plus(lifetime)))
        .update();
    return token;
  }

  private Optional<Account> tokenOwner(String token, String purpose) {
    if (token == null || token.isBlank()) return Optional.empty();
    return jdbc.sql("SELECT user_id FROM one_time_token WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > now()").params(SecretTokens.hash(token), purpose).query(UUID.class).optional().flatMap(this::find);
  }

  private Account useToken(String token, String purpose) {
    if (token == null || token.isBlank()) throw new SignInRefused("This link is not valid");
    Optional<UUID> user = jdbc.sql("UPDATE one_time_token SET used_at = now() WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > now() RETURNING user_id").params(SecretTokens.hash(token), purpose).query(UUID.class).optional();
    return user.flatMap(this::find).orElseThrow(() -> new SignInRefused("This link is not valid, was already used, or has expired; ask for a new one"));
  }

  static String email(String email) {
    if (email == null || email.isBlank()) throw new InvalidRequest("email is required");
    String trimmed = email.strip().toLowerCase(Locale.ROOT);
    if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) throw new InvalidRequest("'" + (trimmed.length() > 70 ? trimmed.substring(0, 70) + "..." : trimmed) + "' is not an email address");
    return trimmed;
  }

  static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD) throw new InvalidRequest("A password needs at least " + MIN_PASSWORD + " characters");
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) throw new InvalidRequest("A password may be at most " + MAX_PASSWORD_BYTES + " bytes long");
  }

  private static void checkGrade(Integer grade) {
    if (grade != null && (grade < 1 || grade > 16)) throw new InvalidRequest("grade must be 1-12, or 13-16 for college");
  }

  private static List<String> interests(List<String> interests) {
    if (interests == null) return List.of();
    if (interests.size() > 20) throw new InvalidRequest("At most 20 interests");
    List<String> checked = new ArrayList<>();
    for (String interest : interests) {
      String name = Names.check("Interest", interest).toLowerCase(Locale.ROOT);
      if (name.length() > 40) throw new InvalidRequest("An interest is at most 40 characters");
      if (!checked.contains(name)) checked.add(name);
    }
    return checked;
  }

  private Account map(ResultSet rs, int row) throws SQLException {
    JsonNode preferences = json.readTree(rs.getString(9));
    List<String> interests = new ArrayList<>();
    preferences.path("interests").forEach(n -> interests.add(n.asString()));
    String preferred = preferences.path("preferredModality").isMissingNode() ? null : preferences.path("preferredModality").asString();
    Timestamp last = rs.getTimestamp(11);
    return new Account(
        rs.getObject(1, UUID.class),
        new OrganizationId(rs.getObject(2, UUID.class)),
        rs.getObject(3, UUID.class),
        rs.getString(4),
        rs.getString(5),
        Role.parse(rs.getString(6)),
        rs.getObject(7) == null ? null : rs.getInt(7),
        rs.getString(8),
        List.copyOf(interests),
        preferred,
        rs.getBoolean(10),
        last == null ? null : last.toInstant(),
        rs.getTimestamp(12).toInstant(),
        rs.getObject(13, java.time.LocalDate.class),
        rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant());
  }

  /**
   * Whether the person is younger than the organization's {@code parentalConsentBelowAge} and no
   * consent was recorded: then they cannot sign in. A person without a date of birth is not held.
   */
  public boolean needsParentalConsent(Account account) {
    if (account.birthDate() == null || account.parentalConsentAt() != null) return false;
    return needsParentalConsent(account, organizations.settings(account.organization()).compliance().parentalConsentBelowAge());
  }

  /** The same with the organization's {@code parentalConsentBelowAge} at hand (for a page of people). */
  public static boolean needsParentalConsent(Account account, int belowAge) {
    if (account.birthDate() == null || account.parentalConsentAt() != null || belowAge <= 0) return false;
    return java.time.Period.between(account.birthDate(), java.time.LocalDate.now(java.time.ZoneOffset.UTC)).getYears() < belowAge;
  }

  /**
   * Refuses a sign-in that needs a parent's consent first.
   *
   * @throws SignInRefused with what to do
   */
  public void requireConsentIfNeeded(Account account) {
    if (needsParentalConsent(account)) throw new SignInRefused("Your school needs a parent's or guardian's consent before you can use Vividly. Ask your teacher to record it, then sign in again.");
  }

  /**
   * Sets or clears the person's date of birth; when it makes them need consent that was not
   * recorded, their sign-ins end.
   *
   * @throws InvalidRequest for a date in the future or before 1900
   */
  @Transactional
  public Account setBirthDate(OrganizationId org, UUID id, java.time.LocalDate birthDate) {
    get(org, id);
    checkBirthDate(birthDate);
    jdbc.sql("UPDATE app_user SET birth_date = ? WHERE id = ?").params(birthDate, id).update();
    Account account = get(org, id);
    if (needsParentalConsent(account)) endSessions(id, "parental consent needed");
    return account;
  }

  /**
   * Records (or with {@code given} false withdraws) a parent's consent for the person; a withdrawal
   * ends their sign-ins when they need consent.
   *
   * @param by the teacher or admin recording it
   */
  @Transactional
  public Account setParentalConsent(OrganizationId org, UUID id, boolean given, UUID by) {
    get(org, id);
    jdbc.sql("UPDATE app_user SET parental_consent_at = CASE WHEN ? THEN now() END, parental_consent_by = CASE WHEN ? THEN ? END WHERE id = ?").params(given, given, by, id).update();
    Account account = get(org, id);
    if (needsParentalConsent(account)) endSessions(id, "parental consent withdrawn");
    return account;
  }

  /** @throws InvalidRequest for a date in the future or before 1900 */
  public static void checkBirthDate(java.time.LocalDate birthDate) {
    if (birthDate != null && (birthDate.isAfter(java.time.LocalDate.now(java.time.ZoneOffset.UTC)) || birthDate.getYear() < 1900)) throw new InvalidRequest("birthDate is a date from 1900 to today, such as 2014-09-01");
  }

  private void endSessions(UUID id, String reason) {
    jdbc.sql("UPDATE auth_session SET revoked_at = now(), revoked_reason = ? WHERE user_id = ? AND revoked_at IS NULL").params(reason, id).update();
  }
}
