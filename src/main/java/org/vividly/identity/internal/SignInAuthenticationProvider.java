package org.vividly.identity.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.vividly.identity.SignIn;
import org.vividly.identity.SignInLocked;
import org.vividly.identity.SignInRefused;
import org.vividly.tenancy.Caller;

/** The login form's check: {@link SignIn} with its lockout, as a Spring Security provider. */
@Component
class SignInAuthenticationProvider implements AuthenticationProvider {

  private final SignIn signIn;

  SignInAuthenticationProvider(SignIn signIn) {
    this.signIn = signIn;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String client = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "unknown";
    try {
      Caller caller = signIn.authenticate(authentication.getName(), String.valueOf(authentication.getCredentials()), client);
      return UsernamePasswordAuthenticationToken.authenticated(caller, null, SecurityConfiguration.authorities(caller));
    } catch (SignInLocked e) {
      throw new LockedException(e.getMessage());
    } catch (SignInRefused e) {
      throw new BadCredentialsException(e.getMessage());
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
