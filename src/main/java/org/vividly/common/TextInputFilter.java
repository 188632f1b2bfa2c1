package org.vividly.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@link TextInput} for every query and form parameter (page forms, multipart text fields, query
 * strings): a refused one answers 400, as Problem Details on the API and a readable page
 * elsewhere (see {@link ErrorEndpoint}), before any controller sees it.
 */
@Component
// After Spring Security's chain (order -100): an anonymous caller's multipart body is refused
// before anything here makes the container parse it to disk.
@Order(0)
class TextInputFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    String refused = refused(request);
    if (refused != null) {
      response.sendError(400, refused);
      return;
    }
    chain.doFilter(request, response);
  }

  private static String refused(HttpServletRequest request) {
    Map<String, String[]> parameters;
    try {
      parameters = request.getParameterMap();
    } catch (IllegalStateException e) {
      return null; // an unreadable multipart body is refused by the multipart resolver with its own message
    }
    for (Map.Entry<String, String[]> p : parameters.entrySet()) {
      String problem = TextInput.problem(p.getKey());
      if (problem != null) return "A parameter name " + problem + ".";
      for (String value : p.getValue()) {
        problem = TextInput.problem(value);
        if (problem != null) return "The parameter '" + p.getKey() + "' " + problem + "; remove it and send the text again.";
      }
    }
    return null;
  }
}
