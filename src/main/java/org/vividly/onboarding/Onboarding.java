package org.vividly.onboarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vividly.common.Forbidden;
import org.vividly.common.InvalidRequest;
import org.vividly.identity.Account;
import org.vividly.identity.Accounts;
import org.vividly.identity.Emails;
import org.vividly.identity.NewAccount;
import org.vividly.quota.Quotas;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Organization;
import org.vividly.tenancy.OrganizationSettings;
import org.vividly.tenancy.OrganizationType;
import org.vividly.tenancy.Organizations;
import org.vividly.tenancy.Role;

/**
 * Sets up a new organization: created from its type's settings template, with the plan and library
 * chosen, its email domains, and its first admins invited. All in one transaction: a bad admin
 * email leaves no organization behind.
 */
@Service
public class Onboarding {

  private final Organizations organizations;
  private final Accounts accounts;
  private final Emails emails;
  private final Quotas quotas;

  Onboarding(Organizations organizations, Accounts accounts, Emails emails, Quotas quotas) {
    this.organizations = organizations;
    this.accounts = accounts;
    this.emails = emails;
    this.quotas = quotas;
  }

  /**
   * A new organization.
   *
   * @param type one of {@link OrganizationType} by code, for example {@code k12_district}
   * @param slug its address in the API (lower-case letters, digits, dashes); null to make one from the name
   * @param emailDomains its people's email domains; its first admins must be of them when any are given
   * @param plan the base plan's code; null for the type's
   * @param sharedLibrary whether it searches the shared open library; null for the type's
   * @param admins its first admins, invited by email (at least one)
   */
  public record NewOrganization(String type, String name, String slug, List<String> emailDomains, String plan, Boolean sharedLibrary, List<Admin> admins) {}

  public record Admin(String email, String name) {}

  /**
   * @param invitations the one-time invitation link of each admin, in order (also emailed)
   */
  public record Onboarded(Organization organization, OrganizationSettings settings, List<String> emailDomains, List<Account> admins, List<String> invitations) {}

  /** What each type starts with, for the wizard. */
  public record TypeTemplate(String code, OrganizationSettings settings) {}

  public List<TypeTemplate> templates() {
    return java.util.Arrays.stream(OrganizationType.values()).map(t -> new TypeTemplate(t.code(), t.defaults())).toList();
  }

  /**
   * @throws Forbidden unless the caller is a super admin
   * @throws InvalidRequest for an unknown type or plan, a bad name, slug, domain or admin email,
   *     or no admin
   */
  @Transactional
  public Onboarded onboard(Caller caller, NewOrganization request) {
    if (caller.role() != Role.SUPER_ADMIN) throw new Forbidden("Only a super admin sets up organizations");
    if (request.admins() == null || request.admins().isEmpty()) throw new InvalidRequest("Name at least one admin, who is invited by email to run the organization");
    OrganizationType type = OrganizationType.parse(request.type());
    String slug = request.slug() == null || request.slug().isBlank() ? organizations.freeSlug(request.name(), "organization") : request.slug().strip();
    Organization org = organizations.create(request.name(), slug, type);
    OrganizationSettings defaults = organizations.settings(org.id());
    String plan = request.plan() == null || request.plan().isBlank() ? defaults.pricing().basePlan() : request.plan().strip();
    if (quotas.plan(plan).isEmpty()) throw new InvalidRequest("Unknown plan '" + plan + "'; the plans are " + String.join(", ", quotas.plans().stream().map(p -> p.code()).toList()));
    boolean shared = request.sharedLibrary() == null ? defaults.libraries().sharedLibrary() : request.sharedLibrary();
    OrganizationSettings settings = organizations.updateSettings(org.id(), new OrganizationSettings(new OrganizationSettings.Libraries(shared),
        new OrganizationSettings.Pricing(plan, defaults.pricing().individualUpgrades()), defaults.compliance(), defaults.features()));
    List<String> domains = organizations.setEmailDomains(org.id(), request.emailDomains());
    List<Account> admins = new ArrayList<>();
    List<String> links = new ArrayList<>();
    for (Admin admin : request.admins()) {
      String email = admin.email() == null ? "" : admin.email().strip();
      String domain = email.contains("@") ? email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT) : "";
      if (!domains.isEmpty() && !domains.contains(domain)) throw new InvalidRequest(email + " is not of the organization's email domains (" + String.join(", ", domains) + ")");
      Account account = accounts.create(org.id(), new NewAccount(email, admin.name() == null || admin.name().isBlank() ? email : admin.name(), Role.ORG_ADMIN, null, null, null, List.of()));
      String token = accounts.invite(org.id(), account.id(), caller.userId());
      emails.invitation(account, org.name(), token);
      admins.add(account);
      links.add(emails.invitationLink(token));
    }
    return new Onboarded(org, settings, domains, admins, links);
  }
}
