package org.vividly.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vividly.common.Forbidden;
import org.vividly.common.NotFound;
import org.vividly.identity.Account;
import org.vividly.identity.Accounts;
import org.vividly.identity.Emails;
import org.vividly.identity.NewAccount;
import org.vividly.identity.Tokens;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Organizations;
import org.vividly.tenancy.Role;
import org.vividly.tenancy.Visibility;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "People", description = "Accounts of the organization: admins manage them, teachers see their students, everyone sees and edits themself")
class UsersApi {

  private final Accounts accounts;
    private final Tokens tokens;
  private final Emails emails;
  private final Organizations organizations;

  UsersApi(Accounts accounts, Tokens tokens, Emails emails, Organizations organizations) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.emails = emails;
    this.organizations = organizations;
  }

  /**
   * @param role super_admin, org_admin, teacher or student
   * @param password leave out to invite the person instead (the answer then has an invitation link)
   */
  /** @param birthDate optional (ISO 8601 date); below the organization's parental-consent age the person cannot sign in until consent is recorded */
  record NewUser(String email, String displayName, String role, UUID schoolId, Integer grade, String password, List<String> interests, java.time.LocalDate birthDate) {}

  record Created(Account account, String invitationUrl, Instant invitationExpiresAt) {}

  /** @param birthDate a new date of birth; absent to leave it */
  record UpdateBody(String displayName, String role, UUID schoolId, Integer grade, java.time.LocalDate birthDate) {}

  /** @param given true to record a parent's consent, false to withdraw it */
  record Consent(Boolean given) {}

  record Invitation(String invitationUrl, Instant expiresAt) {}

  /** @param preferredModality text, audio or video */
  record Preferences(List<String> interests, String preferredModality) {}

  @GetMapping("/users")
  @Operation(summary = "People of the organization", description = "Admins see everyone; teachers see the students of their classes and themselves.")
  List<Account> list(@RequestParam(required = false) String role, Visibility visibility) {
    Role only = role == null || role.isBlank() ? null : Role.parse(role);
    return accounts.list(visibility.organization(), only, visibility.owners());
  }

  @PostMapping("/users")
  @Operation(summary = "Create an account (org admin)", description = "Without a password the person is invited by email (kept in the outbox without a mail server): the answer carries the one-time link, valid for 7 days. Teachers and admins made with a password get a welcome email. Emails are unique across the installation (409).")
  ResponseEntity<Created> create(@RequestBody NewUser body, Caller caller) {
    Role role = Role.parse(body.role());
    if (role == Role.SUPER_ADMIN && caller.role() != Role.SUPER_ADMIN) throw new Forbidden("Only a super admin may create super admins");
    // Checked first, so a bad date leaves no account behind.
    Accounts.checkBirthDate(body.birthDate());
    Account account = accounts.create(caller.organization(), new NewAccount(body.email(), body.displayName(), role, body.schoolId(), body.grade(), body.password(), body.interests()));
    if (body.birthDate() != null) account = accounts.setBirthDate(caller.organization(), account.id(), body.birthDate());
    Created created = new Created(account, null, null);
    if (body.password() == null) {
      Invitation invitation = invite(caller, account);
      created = new Created(account, invitation.invitationUrl(), invitation.expiresAt());
    } else if (role != Role.STUDENT) {
      emails.welcome(account, organizations.get(caller.organization()).name());
    }
    return ResponseEntity.created(URI.create("/api/v1/users/" + account.id())).body(created);
  }

  @GetMapping("/users/{id}")
  @Operation(summary = "One person", description = "Admins: anyone in the organization; teachers: their students and themselves.")
  Account get(@PathVariable UUID id, Caller caller, Visibility visibility) {
    if (!visibility.allows(id)) throw new NotFound("User", id);
    return accounts.get(caller.organization(), id);
  }

  @PatchMapping("/users/{id}")
  @Operation(summary = "Change a person's name, role, school or grade (org admin)")
  Account update(@PathVariable UUID id, @RequestBody UpdateBody body, Caller caller) {
    Role role = body.role() == null ? null : Role.parse(body.role());
    if (role == Role.SUPER_ADMIN && caller.role() != Role.SUPER_ADMIN) throw new Forbidden("Only a super admin may make super admins");
    Account before = accounts.get(caller.organization(), id);
    Account after = accounts.update(caller.organization(), id, body.displayName(), role, body.schoolId(), body.grade());
    if (body.birthDate() != null) after = accounts.setBirthDate(caller.organization(), id, body.birthDate());
    if (before.role() != after.role()) tokens.revokeAll(id, "role changed");
    return after;
  }

  @DeleteMapping("/users/{id}")
  @Operation(summary = "Delete a person (org admin)", description = "Soft delete: they can no longer sign in, their sessions end, their records stay.")
  ResponseEntity<Void> delete(@PathVariable UUID id, Caller caller) {
    if (id.equals(caller.userId())) throw new Forbidden("You cannot delete your own account");
    accounts.delete(caller.organization(), id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/users/{id}/parental-consent")
  @Operation(summary = "Record or withdraw a parent's consent (teachers of the person, admins)",
      description = "Below the organization's parentalConsentBelowAge (from the person's birthDate) an account cannot sign in until consent is recorded; withdrawing it ends their sign-ins.")
  Account consent(@PathVariable UUID id, @RequestBody Consent body, Caller caller, Visibility visibility) {
    if (!visibility.allows(id)) throw new NotFound("User", id);
    if (body.given() == null) throw new org.vividly.common.InvalidRequest("given is true (consent recorded) or false (withdrawn)");
    return accounts.setParentalConsent(caller.organization(), id, body.given(), caller.userId());
  }

  @PostMapping("/users/{id}/invitation")
  @Operation(summary = "Invite a person again (org admin)", description = "A new one-time link valid for 7 days; older unused links stop working.")
  Invitation reinvite(@PathVariable UUID id, Caller caller) {
    return invite(caller, accounts.get(caller.organization(), id));
  }

  @PutMapping("/me/preferences")
  @Operation(summary = "Set my interests and preferred modality", description = "Lessons relate examples to these interests.")
  Account preferences(@RequestBody Preferences body, Caller caller) {
    return accounts.setPreferences(caller.organization(), caller.userId(), body.interests(), body.preferredModality());
  }

  private Invitation invite(Caller caller, Account account) {
    String token = accounts.invite(caller.organization(), account.id(), caller.userId());
    emails.invitation(account, organizations.get(caller.organization()).name(), token);
    return new Invitation(emails.invitationLink(token), Instant.now().plus(java.time.Duration.ofDays(7)));
  }
}
