package org.vividly.identity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vividly.identity.internal.SecurityProperties;
import org.vividly.ratelimit.RateLimit;
import org.vividly.ratelimit.RateLimits;
import org.vividly.tenancy.Caller;

/**
 * API tokens. The access token is a JWT (RFC 7519, HS256) of 15 minutes carrying the person, their
 * organization, role and sign-in session ({@code sid}); every request also checks that the session
 * is still open, so logout and account deletion take effect at once. The refresh token (7 days) is
 * opaque, stored as a SHA-256 hash and rotated on every use; presenting one that was already
 * rotated away is taken as theft and ends the whole session (OAuth 2.0 Security BCP, RFC 9700 §4.14).
 * However often it is refreshed, a sign-in ends after {@code vividly.security.session-lifetime}
 * (30 days).
 */
@Service
public class Tokens {

  public static final String ISSUER = "vividly";

  private final JdbcClient jdbc;
  private final JwtEncoder encoder;
  private final Accounts accounts;
  private final Duration accessLifetime;
  private final Duration refreshLifetime;
  private final Duration sessionLifetime;
  private final RateLimits limits;

  Tokens(JdbcClient jdbc, JwtEncoder encoder, Accounts accounts, SecurityProperties properties, RateLimits limits) {
    this.limits = limits;
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.accounts = accounts;
    this.accessLifetime = properties.accessTokenLifetime();
    this.refreshLifetime = properties.refreshTokenLifetime();
    this.sessionLifetime = properties.sessionLifetime();
  }

  /** Opens a sign-in session for {@code caller} and returns its first tokens. */
  @Transactional
  public TokenPair issue(Caller caller, String client, String userAgent) {
    UUID session = UUID.randomUUID();
    String refresh = org.vividly.common.SecretTokens.random();
    jdbc.sql("INSERT INTO auth_session (id, user_id, refresh_hash, expires_at, user_agent, ip) VALUES (?, ?, ?, ?, ?, ?)")
        .params(session, caller.userId(), org.vividly.common.SecretTokens.hash(refresh), Timestamp.from(Instant.now().plus(java.util.Collections.min(java.util.List.of(refreshLifetime, sessionLifetime)))), truncate(userAgent), client)
        .update();
    return pair(new Caller(caller.userId(), caller.organization(), caller.role(), caller.email(), caller.displayName(), session), refresh, Instant.now());
  }

  /**
   * Trades a refresh token for new tokens; the old refresh token stops working.
   *
   * @throws SignInRefused when the token is unknown, expired, revoked or reused (reuse also ends the session)
   */
  @Transactional(noRollbackFor = SignInRefused.class)
  public TokenPair refresh(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) throw new SignInRefused("refresh_token is required");
    String hash = org.vividly.common.SecretTokens.hash(refreshToken);
    Optional<UUID[]> found = jdbc.sql("SELECT id, user_id FROM auth_session WHERE refresh_hash = ? AND revoked_at IS NULL AND expires_at > now() FOR UPDATE")
        .param(hash)
        .query((rs, i) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
        .optional();
    if (found.isEmpty()) {
      Optional<UUID> reused = jdbc.sql("SELECT session_id FROM auth_refresh_used WHERE refresh_hash = ?").param(hash).query(UUID.class).optional();
      if (reused.isPresent()) {
        revoke(reused.get(), "refresh token reused");
        throw new SignInRefused("This refresh token was already used. For safety this sign-in has been ended everywhere; sign in again.");
      }
      throw new SignInRefused("The refresh token is not valid, expired or revoked; sign in again");
    }
    UUID session = found.get()[0];
    // Counted per sign-in session, not per address: a whole school refreshes from one address.
    limits.require(RateLimit.API, "session:" + session);
    Account account = accounts.find(found.get()[1]).orElseThrow(() -> new SignInRefused("The account no longer exists"));
    String next = org.vividly.common.SecretTokens.random();
    jdbc.sql("INSERT INTO auth_refresh_used (refresh_hash, session_id) VALUES (?, ?)").params(hash, session).update();
    // A rotation renews the refresh lifetime, but never past the session's absolute lifetime.
    jdbc.sql("UPDATE auth_session SET refresh_hash = ?, generation = generation + 1, rotated_at = now(), expires_at = LEAST(?, created_at + make_interval(secs => ?)) WHERE id = ?")
        .params(org.vividly.common.SecretTokens.hash(next), Timestamp.from(Instant.now().plus(refreshLifetime)), sessionLifetime.toSeconds(), session)
        .update();
    return pair(new Caller(account.id(), account.organization(), account.role(), account.email(), account.displayName(), session), next, Instant.now());
  }

  /** Ends a sign-in session: its access and refresh tokens stop working at once. */
  @Transactional
  public void revoke(UUID session, String reason) {
    jdbc.sql("UPDATE auth_session SET revoked_at = now(), revoked_reason = ? WHERE id = ? AND revoked_at IS NULL").params(reason, session).update();
  }

  /** Ends every session of a person. */
  @Transactional
  public int revokeAll(UUID userId, String reason) {
    return jdbc.sql("UPDATE auth_session SET revoked_at = now(), revoked_reason = ? WHERE user_id = ? AND revoked_at IS NULL").params(reason, userId).update();
  }

  /**
   * Whether a session is open and its person still exists: checked on every API call. A deleted
   * organization's sessions are revoked when it is deleted ({@code OrganizationDeleted}).
   */
  public boolean active(UUID session) {
    return jdbc.sql(
            """
            SELECT count(*) FROM auth_session s JOIN app_user u ON u.id = s.user_id
            WHERE s.id = ? AND s.revoked_at IS NULL AND s.expires_at > now() AND u.deleted_at IS NULL
            """)
        .param(session)
        .query(Long.class)
        .single() > 0;
  }

  /** An access token for {@code caller} issued at {@code issuedAt} (tests use a past instant for expiry). */
  public String accessToken(Caller caller, Instant issuedAt) {
    JwtClaimsSet claims = JwtClaimsSet.builder()
        .issuer(ISSUER)
        .subject(caller.userId().toString())
        .issuedAt(issuedAt)
        .expiresAt(issuedAt.plus(accessLifetime))
        .id(UUID.randomUUID().toString())
        .claim("org", caller.organization().toString())
        .claim("role", caller.role().code())
        .claim("sid", caller.session().toString())
        .claim("email", caller.email())
        .claim("name", caller.displayName())
        .build();
    return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
  }

  private TokenPair pair(Caller caller, String refresh, Instant now) {
    return new TokenPair(accessToken(caller, now), "Bearer", accessLifetime.toSeconds(), refresh, refreshLifetime.toSeconds());
  }

  private static String truncate(String value) {
    if (value == null) return null;
    // Stored and shown to admins: no control or formatting characters (and PostgreSQL refuses U+0000).
    String clean = value.replaceAll("[\\p{Cc}\\p{Cf}\\p{Cs}]", "");
    return clean.length() > 300 ? clean.substring(0, 300) : clean;
  }
}
