package org.vividly.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * A controller of web pages (Thymeleaf views), as opposed to a REST API. Each module keeps its
 * pages in its own {@code web} package; this marker gives them all the same page error handling
 * ({@link PageErrors}): a business error renders the problem page with the right status.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {}
