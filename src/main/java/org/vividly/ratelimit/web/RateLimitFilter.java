package org.vividly.ratelimit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.vividly.ratelimit.RateLimit;
import org.vividly.ratelimit.RateLimitDecision;
import org.vividly.ratelimit.RateLimits;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the API limits to {@code /api/**} per signed-in person (or per address for anonymous
 * calls, such as sign-in), and the content-request limit to
 * the calls that ask a question. Every API answer carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining}, {@code RateLimit-Reset} and {@code RateLimit-Policy} (IETF draft
 * "RateLimit header fields for HTTP"); a refused call gets 429, {@code Retry-After} (RFC 9110
 * §10.2.3) and Problem Details.
 */
@Component
// After Spring Security's filter chain (order -100), so that the signed-in person is known.
@Order(0)
class RateLimitFilter extends OncePerRequestFilter {

  private final RateLimits limits;
  private final JsonMapper json;

  RateLimitFilter(RateLimits limits, JsonMapper json) {
    this.limits = limits;
    this.json = json;
  }

  /**
   * Media files are exempt: a player fetches a video in many range requests, and seeking makes
   * more, none of which is a call a person made. Sign-in is exempt too: it has a limit of its own
   * (failed tries per account and per address, see {@code SignIn}), and a classroom signing in at
   * once from one school address must not be refused.
   */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return !limits.enabled() || !uri.startsWith("/api/") || ("GET".equals(request.getMethod()) && MEDIA_FILE.matcher(uri).matches())
        || ("POST".equals(request.getMethod()) && uri.equals("/api/v1/auth/token"));
  }

  private static final java.util.regex.Pattern MEDIA_FILE = java.util.regex.Pattern.compile("/api/v1/requests/[^/]+/files/[^/]+|/api/v1/videos/[^/]+/(media|captions\\.vtt)");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    String client = RateLimits.client(request);
    RateLimitDecision api = limits.consume(RateLimit.API, client);
    headers(response, api);
    if (!api.allowed()) {
      refuse(request, response, RateLimit.API, api);
      return;
    }
    if (asksAQuestion(request)) {
      RateLimitDecision questions = limits.consume(RateLimit.CONTENT_REQUESTS, client);
      if (!questions.allowed()) {
        headers(response, questions);
        refuse(request, response, RateLimit.CONTENT_REQUESTS, questions);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  static boolean asksAQuestion(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return "POST".equals(request.getMethod()) && (uri.equals("/api/v1/requests") || uri.equals("/api/v1/lessons"));
  }

  private static void headers(HttpServletResponse response, RateLimitDecision d) {
    response.setHeader("RateLimit-Limit", Long.toString(d.limit()));
    response.setHeader("RateLimit-Remaining", Long.toString(d.remaining()));
    response.setHeader("RateLimit-Reset", Long.toString(d.resetSeconds()));
    response.setHeader("RateLimit-Policy", d.policy());
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, RateLimit limit, RateLimitDecision d) throws IOException {
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(d.retryAfterSeconds()));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "https://vividly.org/problems/rate-limited");
    problem.put("title", "Too Many Requests");
    problem.put("status", 429);
    problem.put("detail", "Too many " + limit.description + " (" + d.policy() + "). Try again in " + d.retryAfterSeconds() + " s.");
    problem.put("instance", request.getRequestURI());
    problem.put("retryAfterSeconds", d.retryAfterSeconds());
    response.getWriter().write(json.writeValueAsString(problem));
  }
}
