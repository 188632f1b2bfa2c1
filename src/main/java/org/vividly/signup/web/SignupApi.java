package org.vividly.signup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.vividly.signup.SignUps;

@RestController
@Tag(name = "Sign-up", description = "Families and homeschool groups sign up themselves")
class SignupApi {

  private final SignUps signUps;

  SignupApi(SignUps signUps) {
    this.signUps = signUps;
  }

  @PostMapping("/api/v1/signup")
  @SecurityRequirements
  @Operation(summary = "Sign up a family or a homeschool group",
      description = "Always 202 once the request is well formed: a link to verify the email is sent (or, to an email with an account, a note saying so). Verifying makes the organization and starts a 7-day Family trial; a referral code adds 7 days to both trials.")
  ResponseEntity<Map<String, String>> signUp(@RequestBody SignUps.Request body) {
    signUps.start(body);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("message", "Check your email for a link to finish signing up."));
  }

  @PostMapping("/api/v1/signup/{token}/verify")
  @SecurityRequirements
  @Operation(summary = "Verify a sign-up's email", description = "Makes the organization and its first person (its admin) on a Family trial. 404 for a used or expired link.")
  SignUps.Verified verify(@PathVariable String token) {
    return signUps.verify(token);
  }
}
