package org.vividly.common;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Business errors on pages become a readable page with the right status, not a stack trace. */
@ControllerAdvice(annotations = PageController.class)
class PageErrors {

  @ExceptionHandler(VividlyException.class)
  ModelAndView handle(VividlyException e, Model model) {
    ModelAndView view = new ModelAndView("problem");
    view.setStatus(e.status());
    view.addObject("message", e.getMessage());
    view.addObject("status", e.status().value());
    return view;
  }
}
