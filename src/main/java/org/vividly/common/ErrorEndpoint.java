package org.vividly.common;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error that no controller answered itself (an unknown path, a media type no endpoint takes,
 * a request the container or the firewall refused, a failure outside a controller) ends here, in
 * place of Spring Boot's JSON and Tomcat's HTML pages: the API answers RFC 7807 Problem Details,
 * pages a readable page. A client error keeps its message; a server error shows only a reference
 * into the log ({@link ClientMessages}), never an exception's text.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorEndpoint implements ErrorController {

  @RequestMapping
  Object error(HttpServletRequest request) {
    HttpStatus status = status(request);
    String detail = detail(request, status);
    String uri = uriOf(request);
    if (uri.startsWith("/api/") || !acceptsHtml(request)) {
      ProblemDetail problem = Problems.of(status, status == HttpStatus.NOT_FOUND ? "not-found" : status.is5xxServerError() ? "internal" : "invalid-request", status.getReasonPhrase(), detail);
      problem.setInstance(URI.create(uri.startsWith("/") ? uri.replaceAll("[^\\w/.~-]", "_") : "/"));
      return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
    ModelAndView view = new ModelAndView("problem", Map.of("status", status.value(), "message", detail));
    view.setStatus(status);
    return view;
  }

  private static HttpStatus status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (code == null) return HttpStatus.NOT_FOUND; // asked for directly: there is no page here
    HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
    return status == null || status.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }

  private static String detail(HttpServletRequest request, HttpStatus status) {
    if (status.is5xxServerError()) {
      Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
      return failure instanceof Throwable t ? ClientMessages.of(t, "Request " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)) : ClientMessages.internal(ClientMessages.reference());
    }
    if (status == HttpStatus.NOT_FOUND) return "There is nothing at " + uriOf(request) + ".";
    Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    return message instanceof String m && !m.isBlank() ? m : status.getReasonPhrase();
  }

  private static String uriOf(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return uri != null ? uri.toString() : request.getRequestURI();
  }

  private static boolean acceptsHtml(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("text/html");
  }
}
