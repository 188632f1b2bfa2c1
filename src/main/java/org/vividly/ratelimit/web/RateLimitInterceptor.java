package org.vividly.ratelimit.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.vividly.common.Problems;
import org.vividly.ratelimit.OwnRateLimit;
import org.vividly.ratelimit.RateLimit;
import org.vividly.ratelimit.RateLimitDecision;
import org.vividly.ratelimit.RateLimits;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the API limits to every {@code /api/**} call per signed-in person (or per address for
 * anonymous calls), except operations marked {@link OwnRateLimit}. It runs after Spring Security,
 * so the signed-in person is known. Questions have a limit of their own, applied by the service
 * that answers them once their input was accepted ({@code ContentRequests}), not here.
 *
 * <p>Every API answer carries {@code RateLimit-Limit}, {@code RateLimit-Remaining}, {@code
 * RateLimit-Reset} and {@code RateLimit-Policy} (IETF draft "RateLimit header fields for HTTP");
 * a refused call gets 429, {@code Retry-After} (RFC 9110 §10.2.3) and Problem Details.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitInterceptor implements HandlerInterceptor, WebMvcConfigurer {

  private final RateLimits limits;
  private final JsonMapper json;

  RateLimitInterceptor(RateLimits limits, JsonMapper json) {
    this.limits = limits;
    this.json = json;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
    // A streamed answer is dispatched again when it completes, and an error page after a failure: count the call once.
    if (!limits.enabled() || request.getDispatcherType() != DispatcherType.REQUEST) return true;
    if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(OwnRateLimit.class)) return true;
    RateLimitDecision api = limits.consume(RateLimit.API, RateLimits.client(request));
    headers(response, api);
    if (api.allowed()) return true;
    refuse(request, response, api);
    return false;
  }

  private static void headers(HttpServletResponse response, RateLimitDecision d) {
    response.setHeader("RateLimit-Limit", Long.toString(d.limit()));
    response.setHeader("RateLimit-Remaining", Long.toString(d.remaining()));
    response.setHeader("RateLimit-Reset", Long.toString(d.resetSeconds()));
    response.setHeader("RateLimit-Policy", d.policy());
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, RateLimitDecision d) throws IOException {
    response.setHeader("Retry-After", Long.toString(d.retryAfterSeconds()));
    ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too Many Requests", "Too many " + RateLimit.API.description + " (" + d.policy() + "). Try again in " + d.retryAfterSeconds() + " s.");
    problem.setProperty("retryAfterSeconds", d.retryAfterSeconds());
    Problems.write(request, response, problem, json);
  }
}
