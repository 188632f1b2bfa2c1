package org.vividly.identity;

import java.time.Instant;
import java.util.Arrays;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Role;
import org.vividly.tenancy.Schools;

/**
 * What authorizing one API request costs on this server: verifying the JWT (HS256 signature and
 * claims), checking that its sign-in session is still open (one indexed PostgreSQL query), and,
 * for a teacher, finding whose records they may see (one query over enrollments).
 */
@Component
public class AuthorizationBenchmark {

  private final JwtDecoder decoder;
  private final Tokens tokens;
  private final Schools schools;
  private final Accounts accounts;

  AuthorizationBenchmark(JwtDecoder decoder, Tokens tokens, Schools schools, Accounts accounts) {
    this.decoder = decoder;
    this.tokens = tokens;
    this.schools = schools;
    this.accounts = accounts;
  }

  /**
   * @param jwtMicros median microseconds to verify and parse the access token
   * @param sessionMicros median microseconds of the open-session query
   * @param visibilityMicros median microseconds to work out a teacher's students
   */
  public record Result(int iterations, double jwtMicros, double sessionMicros, double visibilityMicros, double totalMicros) {}

  public Result measure(Caller caller, int iterations) {
    TokenPair pair = tokens.issue(caller, "benchmark", "authorization benchmark");
    java.util.UUID benchmarkSession = java.util.UUID.fromString(decoder.decode(pair.accessToken()).getClaimAsString("sid"));
    try {
      Caller teacher = accounts.list(caller.organization(), Role.TEACHER, null).stream().findFirst()
          .map(a -> new Caller(a.id(), a.organization(), a.role(), a.email(), a.displayName(), null)).orElse(caller);
      var jwt = decoder.decode(pair.accessToken());
      java.util.UUID session = java.util.UUID.fromString(jwt.getClaimAsString("sid"));
      for (int i = 0; i < Math.min(200, iterations); i++) {
        decoder.decode(pair.accessToken());
        tokens.active(session);
        schools.visibility(teacher);
      }
      long[] decode = new long[iterations], active = new long[iterations], visibility = new long[iterations];
      for (int i = 0; i < iterations; i++) {
        long t0 = System.nanoTime();
        decoder.decode(pair.accessToken());
        long t1 = System.nanoTime();
        tokens.active(session);
        long t2 = System.nanoTime();
        schools.visibility(teacher);
        long t3 = System.nanoTime();
        decode[i] = t1 - t0;
        active[i] = t2 - t1;
        visibility[i] = t3 - t2;
      }
      double j = median(decode), s = median(active), v = median(visibility);
      return new Result(iterations, j, s, v, j + s + v);
    } finally {
      tokens.revoke(benchmarkSession, "benchmark finished at " + Instant.now());
    }
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1000.0;
  }
}
