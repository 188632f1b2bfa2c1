package org.vividly.identity;

import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.vividly.common.InvalidRequest;
import org.vividly.ratelimit.RateLimit;
import org.vividly.ratelimit.RateLimits;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Organizations;

/**
 * Checks an email and password. Five failed tries per account, and five per client address,
 * within 15 minutes lock further tries (Bucket4j buckets, in memory or shared through Redis, that
 * only failures drain). Unknown emails cost a bcrypt comparison too, so timing does not reveal
 * which emails have accounts.
 */
@Service
public class SignIn {

  private final Accounts accounts;
  private final PasswordEncoder passwords;
  private final RateLimits limits;
  private final Organizations organizations;
  /** Hashed on the first unknown email, not at start-up (a bcrypt hash takes about 0.3 s). */
  private final org.springframework.util.function.SingletonSupplier<String> dummyHash;

  SignIn(Accounts accounts, PasswordEncoder passwords, RateLimits limits, Organizations organizations) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.limits = limits;
    this.organizations = organizations;
    this.dummyHash = org.springframework.util.function.SingletonSupplier.of(() -> passwords.encode("not-a-password-" + Accounts.randomToken()));
  }

  /**
   * @param client the caller's address, for the per-address lock
   * @return the signed-in person (without a session; see {@link Tokens#issue})
   * @throws SignInLocked when the account or address is locked, with seconds until it opens
   * @throws SignInRefused when the email or password is wrong
   */
  public Caller authenticate(String email, String password, String client) {
    String normalized;
    try {
      normalized = Accounts.email(email);
    } catch (InvalidRequest e) {
      throw new SignInRefused("Wrong email or password");
    }
    long accountWait = limits.secondsUntilAllowed(RateLimit.SIGN_IN, "account:" + normalized);
    long addressWait = limits.secondsUntilAllowed(RateLimit.SIGN_IN_PER_IP, "ip:" + client);
    if (accountWait > 0 || addressWait > 0) {
      long wait = Math.max(accountWait, addressWait);
      throw new SignInLocked(
          (accountWait > 0 ? "This account is locked after too many failed sign-ins." : "Too many failed sign-ins from your address.")
              + " Try again in " + minutes(wait) + ", or reset your password.",
          wait);
    }
    Optional<Account> account = accounts.findByEmail(normalized);
    String hash = account.flatMap(a -> accounts.passwordHash(a.id())).orElseGet(dummyHash::obtain);
    boolean matches = password != null && passwords.matches(password, hash) && account.isPresent() && account.get().activated()
        && organizations.find(account.get().organization()).isPresent();
    if (!matches) {
      limits.consume(RateLimit.SIGN_IN, "account:" + normalized);
      limits.consume(RateLimit.SIGN_IN_PER_IP, "ip:" + client);
      throw new SignInRefused("Wrong email or password");
    }
    Account a = account.get();
    accounts.signedIn(a.id());
    return new Caller(a.id(), a.organization(), a.role(), a.email(), a.displayName(), null);
  }

  private static String minutes(long seconds) {
    long minutes = (seconds + 59) / 60;
    return minutes <= 1 ? "a minute" : minutes + " minutes";
  }
}
