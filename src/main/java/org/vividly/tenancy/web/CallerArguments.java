package org.vividly.tenancy.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.CurrentOrganization;
import org.vividly.tenancy.Visibility;

/**
 * Gives controllers who is calling: a handler method's {@link Caller} parameter is the signed-in
 * person (acting in another organization when a super admin names it), and a {@link Visibility}
 * parameter whose records they may see, both from {@link CurrentOrganization}.
 */
@Component
class CallerArguments implements HandlerMethodArgumentResolver, WebMvcConfigurer {

  static {
    // Resolved from the sign-in, never sent by the client: not parameters of the OpenAPI document.
    org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, Visibility.class);
  }

  private final CurrentOrganization current;

  CallerArguments(CurrentOrganization current) {
    this.current = current;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(this);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Caller.class || parameter.getParameterType() == Visibility.class;
  }

  @Override
  public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
    HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
    return parameter.getParameterType() == Caller.class ? current.caller(request) : current.visibility(request);
  }
}
