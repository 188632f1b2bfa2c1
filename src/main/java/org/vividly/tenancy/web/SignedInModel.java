package org.vividly.tenancy.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.vividly.tenancy.Caller;

/** Puts the signed-in person ({@code me}, or null) into every page's model, for the navigation. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class SignedInModel {

  @ModelAttribute("me")
  Caller me() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof Caller caller ? caller : null;
  }
}
