package org.vividly.identity;

import java.time.Duration;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;
import org.vividly.common.InvalidRequest;
import org.vividly.ratelimit.ClientAddress;
import org.vividly.ratelimit.RateLimit;
import org.vividly.ratelimit.RateLimitDecision;
import org.vividly.ratelimit.RateLimits;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Organizations;

/**
 * Checks an email and password, with brute-force guards that a shared school address cannot turn
 * against its own students (OWASP Authentication Cheat Sheet, "Account lockout"):
 *
 * <ul>
 *   <li>five failures of one account from one address within 15 minutes lock that account from
 *       that address ({@code vividly.rate-limit.sign-in-attempts});
 *   <li>twenty failures of one account from all addresses together lock it everywhere, against
 *       guessing spread over many addresses ({@code sign-in-attempts-per-account});
 *   <li>an address with a hundred failures, whatever the accounts, is slowed, not locked: each
 *       sign-in from it waits two seconds before its password is checked, and a correct password
 *       still signs in ({@code sign-in-attempts-per-ip}, {@code sign-in-slowdown}).
 * </ul>
 *
 * Addresses count by {@link ClientAddress#key} (IPv6 by /64). The buckets are Bucket4j's, in
 * memory or shared through Redis, and only failures drain them. Unknown emails cost a bcrypt
 * comparison too, so timing does not reveal which emails have accounts.
 */
@Service
public class SignIn {

  private final Accounts accounts;
  private final PasswordEncoder passwords;
  private final RateLimits limits;
  private final Organizations organizations;
  private final Duration slowdown;
  /** Hashed on the first unknown email, not at start-up (a bcrypt hash takes about 0.3 s). */
  private final SingletonSupplier<String> dummyHash;

  SignIn(Accounts accounts, PasswordEncoder passwords, RateLimits limits, Organizations organizations) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.limits = limits;
    this.organizations = organizations;
    this.slowdown = limits.signInSlowdown();
    this.dummyHash = SingletonSupplier.of(() -> passwords.encode("not-a-password-" + org.vividly.common.SecretTokens.random()));
  }

  /**
   * @param client the caller's address ({@code request.getRemoteAddr()}), for the per-address guards
   * @return the signed-in person (without a session; see {@link Tokens#issue})
   * @throws SignInLocked when the account is locked from this address or everywhere, with seconds until it opens
   * @throws SignInRefused when the email or password is wrong
   */
  public Caller authenticate(String email, String password, String client) {
    String normalized;
    try {
      normalized = Accounts.email(email);
    } catch (InvalidRequest e) {
      throw new SignInRefused("Wrong email or password");
    }
    String address = "ip:" + ClientAddress.key(client);
    String pair = address + "|account:" + normalized;
    String account = "account:" + normalized;
    // A token is taken before the password is checked and given back when it was right: checking
    // first and taking after would let a thousand parallel guesses pass one check.
    RateLimitDecision fromHere = limits.consume(RateLimit.SIGN_IN, pair);
    if (!fromHere.allowed()) throw locked(fromHere);
    RateLimitDecision anywhere = limits.consume(RateLimit.SIGN_IN_PER_ACCOUNT, account);
    if (!anywhere.allowed()) {
      limits.refund(RateLimit.SIGN_IN, pair);
      throw locked(anywhere);
    }
    boolean addressHadRoom = limits.consume(RateLimit.SIGN_IN_PER_IP, address).allowed();
    if (!addressHadRoom) slowDown();
    Optional<Account> found = accounts.findByEmail(normalized);
    String hash = found.flatMap(a -> accounts.passwordHash(a.id())).orElseGet(dummyHash::obtain);
    boolean matches = password != null && passwords.matches(password, hash) && found.isPresent() && found.get().activated()
        && organizations.find(found.get().organization()).isPresent();
    if (!matches) throw new SignInRefused("Wrong email or password");
    limits.refund(RateLimit.SIGN_IN, pair);
    limits.refund(RateLimit.SIGN_IN_PER_ACCOUNT, account);
    if (addressHadRoom) limits.refund(RateLimit.SIGN_IN_PER_IP, address);
    Account a = found.get();
    accounts.requireConsentIfNeeded(a);
    accounts.signedIn(a.id());
    return new Caller(a.id(), a.organization(), a.role(), a.email(), a.displayName(), null);
  }

  private static SignInLocked locked(RateLimitDecision decision) {
    long wait = Math.max(1, decision.retryAfterSeconds());
    return new SignInLocked("This account is locked after too many failed sign-ins. Try again in " + minutes(wait) + ", or reset your password.", wait);
  }

  /** Requests run on virtual threads, so a waiting sign-in holds no platform thread. */
  private void slowDown() {
    try {
      Thread.sleep(slowdown);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SignInRefused("Sign-in was interrupted; try again");
    }
  }

  private static String minutes(long seconds) {
    long minutes = (seconds + 59) / 60;
    return minutes <= 1 ? "a minute" : minutes + " minutes";
  }
}
