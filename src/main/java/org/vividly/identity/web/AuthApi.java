package org.vividly.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vividly.identity.Account;
import org.vividly.identity.Accounts;
import org.vividly.identity.Emails;
import org.vividly.identity.SignIn;
import org.vividly.identity.SignInRefused;
import org.vividly.identity.TokenPair;
import org.vividly.identity.Tokens;
import org.vividly.ratelimit.OwnRateLimit;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Organizations;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Sign-in", description = "Tokens for the API: a 15-minute JWT access token and a 7-day refresh token that rotates on every use")
class AuthApi {

  private final SignIn signIn;
  private final Tokens tokens;
  private final Accounts accounts;
    private final Organizations organizations;
  private final Emails emails;

  AuthApi(SignIn signIn, Tokens tokens, Accounts accounts, Organizations organizations, Emails emails) {
    this.signIn = signIn;
    this.tokens = tokens;
    this.accounts = accounts;
    this.organizations = organizations;
    this.emails = emails;
  }

  record Credentials(String email, String password) {}

  record Refresh(String refresh_token) {}

  record ResetRequest(String email) {}

  record NewPassword(String token, String password) {}

  record Acceptance(String password, String displayName) {}

  record InvitationView(String email, String displayName, String role, String organization) {}

  @PostMapping("/auth/token")
  @OwnRateLimit("failed sign-ins are counted per account and address by SignIn; a classroom signing in at once from one address must not be refused")
  @SecurityRequirements
  @Operation(
      summary = "Sign in with email and password",
      description = "Answers an OAuth 2.0-style token response. Five wrong passwords per account, or per address, within 15 minutes lock further tries: "
          + "429 with Retry-After. Send the access token as `Authorization: Bearer ...`.")
  TokenPair token(@RequestBody Credentials credentials, HttpServletRequest request) {
    Caller caller = signIn.authenticate(credentials.email(), credentials.password(), request.getRemoteAddr());
    return tokens.issue(caller, request.getRemoteAddr(), request.getHeader("User-Agent"));
  }

  @PostMapping("/auth/refresh")
  @OwnRateLimit("counted per sign-in session by Tokens.refresh: a school behind one address refreshes hundreds of sessions")
  @SecurityRequirements
  @Operation(summary = "Trade a refresh token for new tokens", description = "The refresh token works once. Using one a second time ends that sign-in everywhere (theft detection).")
  TokenPair refresh(@RequestBody Refresh body) {
    return tokens.refresh(body.refresh_token());
  }

  @PostMapping("/auth/logout")
  @Operation(summary = "Sign out", description = "Ends this sign-in: its access and refresh tokens stop working at once, on every server.")
  ResponseEntity<Void> logout(HttpServletRequest request, Caller caller) {
    if (caller.session() != null) tokens.revoke(caller.session(), "signed out");
    HttpSession session = request.getSession(false);
    if (session != null) session.invalidate();
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/me")
  @Operation(summary = "The signed-in person")
  Account me(Caller caller) {
    return accounts.get(caller.organization(), caller.userId());
  }

  @PostMapping("/auth/password-reset")
  @SecurityRequirements
  @Operation(summary = "Ask for a password-reset link", description = "Always 202, whether or not the email has an account, so that emails cannot be probed. The link is valid for one hour.")
  ResponseEntity<Map<String, String>> requestReset(@RequestBody ResetRequest body) {
    accounts.requestPasswordReset(body.email()).ifPresent(reset -> emails.passwordReset(reset.account(), reset.token()));
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("message", "If that email has an account, a reset link is on its way."));
  }

  @PostMapping("/auth/password-reset/confirm")
  @SecurityRequirements
  @Operation(summary = "Set a new password with a reset token", description = "Ends every sign-in of the account.")
  ResponseEntity<Void> confirmReset(@RequestBody NewPassword body) {
    accounts.resetPassword(body.token(), body.password());
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/invitations/{token}")
  @SecurityRequirements
  @Operation(summary = "Who an invitation is for")
  InvitationView invitation(@PathVariable String token) {
    Account account = accounts.invitation(token).orElseThrow(() -> new SignInRefused("This invitation is not valid, was already used, or has expired"));
    return new InvitationView(account.email(), account.displayName(), account.role().code(), organizations.get(account.organization()).name());
  }

  @PostMapping("/invitations/{token}/accept")
  @SecurityRequirements
  @Operation(summary = "Accept an invitation", description = "Sets the password (and optionally the display name) and signs in.")
  TokenPair accept(@PathVariable String token, @RequestBody Acceptance body, HttpServletRequest request) {
    Account account = accounts.acceptInvitation(token, body.password(), body.displayName());
    accounts.requireConsentIfNeeded(account);
    return tokens.issue(new Caller(account.id(), account.organization(), account.role(), account.email(), account.displayName(), null), request.getRemoteAddr(), request.getHeader("User-Agent"));
  }

}
