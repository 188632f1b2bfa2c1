package org.vividly.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 (formerly 7807) Problem Details, made and written the same way everywhere: by the MVC
 * exception handlers, the error page, Spring Security's entry points, the rate limiter and the
 * {@code error} event of a stream. Types are {@code https://vividly.org/problems/<name>}.
 */
public final class Problems {

  /** Prefix of every problem type URI. */
  public static final String TYPES = "https://vividly.org/problems/";

  private Problems() {}

  /**
   * A problem.
   *
   * @param type the last part of the type URI, for example {@code rate-limited}
   */
  public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPES + type));
    problem.setTitle(title);
    return problem;
  }

  /** The problem a {@link VividlyException} stands for, with its extra properties and whether to retry. */
  public static ProblemDetail of(VividlyException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    problem.setType(e.type());
    problem.setTitle(e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2"));
    problem.setProperty("retriable", e.retriable());
    e.properties().forEach(problem::setProperty);
    if (e.retryAfterSeconds() > 0) problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
    return problem;
  }

  /** The members of a problem as one JSON object would hold them (extension members at the top level). */
  public static Map<String, Object> asMap(ProblemDetail problem) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (problem.getInstance() != null) body.put("instance", problem.getInstance().toString());
    if (problem.getProperties() != null) body.putAll(problem.getProperties());
    return body;
  }

  /**
   * Writes a problem as the response, where no MVC handler runs (filters, security entry points,
   * interceptors); its instance is the request's path when it has none.
   */
  public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem, JsonMapper json) throws IOException {
    if (problem.getInstance() == null) problem.setInstance(URI.create(request.getRequestURI().replaceAll("[^\\w/.~-]", "_")));
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getWriter().write(json.writeValueAsString(asMap(problem)));
  }
}
