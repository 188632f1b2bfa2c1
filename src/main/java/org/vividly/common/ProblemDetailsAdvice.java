package org.vividly.common;

import jakarta.validation.ConstraintViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where exceptions in MVC handlers become RFC 7807 Problem Details ({@link Problems}
 * makes and writes them everywhere else too). Spring's own exceptions (bad
 * JSON, missing parameters, validation) are handled by the {@link ResponseEntityExceptionHandler}
 * base class, which already speaks Problem Details.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  @ExceptionHandler(VividlyException.class)
  org.springframework.http.ResponseEntity<ProblemDetail> handle(VividlyException e) {
    ProblemDetail problem = Problems.of(e);
    var response = org.springframework.http.ResponseEntity.status(e.status()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
    if (e.retryAfterSeconds() > 0) response.header("Retry-After", Long.toString(e.retryAfterSeconds()));
    return response.body(problem);
  }

  /**
   * Every database connection was busy for the pool's whole wait: the server is overloaded, which
   * is worth retrying shortly (503 with {@code Retry-After}), not a server bug (500).
   */
  @ExceptionHandler(org.springframework.jdbc.CannotGetJdbcConnectionException.class)
  org.springframework.http.ResponseEntity<ProblemDetail> handle(org.springframework.jdbc.CannotGetJdbcConnectionException e) {
    ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Overloaded", "The server is too busy right now. Try again in a few seconds.");
    problem.setProperty("retriable", true);
    return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail handle(ConstraintViolationException e) {
    return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid Request", e.getMessage());
  }

  /** A body that could not be read; when it was refused by {@link TextInput}, say which field and why. */
  @Override
  protected org.springframework.http.ResponseEntity<Object> handleHttpMessageNotReadable(
      org.springframework.http.converter.HttpMessageNotReadableException e, org.springframework.http.HttpHeaders headers, org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof VividlyException refused) return org.springframework.http.ResponseEntity.status(refused.status()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(handle(refused).getBody());
      // A value of the wrong shape (a date that is not one, text where a number goes): name the field.
      if (cause instanceof tools.jackson.databind.exc.InvalidFormatException format && !format.getPath().isEmpty()) {
        String field = format.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]").collect(java.util.stream.Collectors.joining("."));
        String type = format.getTargetType() == null ? "value" : format.getTargetType().getSimpleName();
        String hint = "LocalDate".equals(type) ? " such as 2014-09-01" : "";
        String value = String.valueOf(format.getValue()).replaceAll("\\p{Cntrl}", "?");
        return org.springframework.http.ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
            .body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid Request", field + ": '" + (value.length() > 60 ? value.substring(0, 60) + "..." : value) + "' is not a " + ("LocalDate".equals(type) ? "date" : type) + hint));
      }
    }
    return super.handleHttpMessageNotReadable(e, headers, status, request);
  }

  /**
   * Anything else is a bug or an outage: 500 with a reference into the log, never the exception's
   * message (which may carry SQL, paths or a library's internals). Spring Security's own
   * exceptions are left to its filters, and a client that went away gets nothing.
   */
  @ExceptionHandler(Exception.class)
  org.springframework.http.ResponseEntity<ProblemDetail> handle(Exception e, jakarta.servlet.http.HttpServletRequest request) throws Exception {
    if (e instanceof org.springframework.security.access.AccessDeniedException || e instanceof org.springframework.security.core.AuthenticationException) throw e;
    if (e instanceof org.springframework.web.context.request.async.AsyncRequestNotUsableException) return null;
    ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal Server Error", ClientMessages.of(e, request.getMethod() + " " + request.getRequestURI()));
    problem.setProperty("retriable", true);
    return org.springframework.http.ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail handle(IllegalArgumentException e) {
    return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid Request", e.getMessage());
  }
}
