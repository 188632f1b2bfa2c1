package org.vividly.identity;

import org.springframework.http.HttpStatus;
import org.vividly.common.VividlyException;

/** Wrong email or password, a revoked or expired token, or an account that cannot sign in. */
public class SignInRefused extends VividlyException {

  public SignInRefused(String message) {
    super(HttpStatus.UNAUTHORIZED, "sign-in-refused", message);
  }
}
