package org.vividly.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.vividly.common.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vividly.common.NotFound;
import org.vividly.common.VividlyException;
import org.vividly.identity.Account;
import org.vividly.identity.Accounts;
import org.vividly.identity.Emails;
import org.vividly.identity.NewAccount;
import org.vividly.quota.Quotas;
import org.vividly.requests.ContentRequests;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.OrganizationId;
import org.vividly.tenancy.OrganizationSettings;
import org.vividly.tenancy.Organizations;
import org.vividly.tenancy.Role;
import org.vividly.tenancy.SchoolClass;
import org.vividly.tenancy.Schools;
import org.vividly.tenancy.Visibility;

/**
 * The teacher's pages (their classes, students, the students' lessons and the sections they
 * mastered or missed) and the admin's page
 * (organization settings, schools, people, classes, plan and usage).
 */
@PageController
class SchoolPages {

  private final Schools schools;
  private final Accounts accounts;
  private final Organizations organizations;
  private final ContentRequests requests;
  private final Quotas quotas;
    private final Emails emails;
  private final org.vividly.quiz.Quizzes quizzes;

  private final org.vividly.requests.CostBudgets budgets;

  SchoolPages(Schools schools, Accounts accounts, Organizations organizations, ContentRequests requests, Quotas quotas, Emails emails, org.vividly.quiz.Quizzes quizzes, org.vividly.requests.CostBudgets budgets) {
    this.budgets = budgets;
    this.quizzes = quizzes;
    this.emails = emails;
    this.schools = schools;
    this.accounts = accounts;
    this.organizations = organizations;
    this.requests = requests;
    this.quotas = quotas;
  }

  @GetMapping("/teach")
  String teach(Model model, Caller caller) {
    List<SchoolClass> classes = schools.classes(caller.organization(), caller.role().isAdmin() ? null : caller.userId());
    Map<UUID, List<Account>> rosters = new HashMap<>();
    Map<UUID, String> codes = new HashMap<>();
    Map<UUID, org.vividly.quiz.ClassMastery> mastery = new HashMap<>();
    for (SchoolClass c : classes) {
      Set<UUID> ids = new HashSet<>(schools.roster(caller, c.id()));
      rosters.put(c.id(), accounts.list(caller.organization(), Role.STUDENT, ids));
      codes.put(c.id(), schools.joinCode(caller, c.id()));
      mastery.put(c.id(), quizzes.schoolClass(caller, c.id()));
    }
    model.addAttribute("mastery", mastery);
    model.addAttribute("classes", classes);
    model.addAttribute("rosters", rosters);
    model.addAttribute("joinCodes", codes);
    return "teach";
  }

  /** A new join code for a class the caller teaches; the old one stops working. */
  @PostMapping("/teach/classes/{id}/join-code")
  String newJoinCode(@PathVariable UUID id, Caller caller) {
    schools.newJoinCode(caller, id);
    return "redirect:/teach?newCode";
  }

  @GetMapping("/teach/students/{id}")
  String student(@PathVariable UUID id, Model model, Caller caller, Visibility visibility) {
    if (!visibility.allows(id)) throw new NotFound("Student", id);
    OrganizationId org = visibility.organization();
    Account student = accounts.get(org, id);
    model.addAttribute("student", student);
    model.addAttribute("needsConsent", accounts.needsParentalConsent(student));
    model.addAttribute("consentAge", organizations.settings(org).compliance().parentalConsentBelowAge());
    model.addAttribute("requests", requests.recent(new Visibility(org, id, Set.of(id)), 100));
    model.addAttribute("quota", quotas.usage(org, id));
    model.addAttribute("classes", schools.classesOf(org, id));
    model.addAttribute("mastery", quizzes.student(caller, id));
    return "student";
  }

  /** People shown a page on the admin page. */
  static final int PEOPLE_PER_PAGE = 50;

  @GetMapping("/admin")
  String admin(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model, Caller caller) {
    OrganizationId org = caller.organization();
    model.addAttribute("organization", organizations.get(org));
    OrganizationSettings settings = organizations.settings(org);
    model.addAttribute("settings", settings);
    model.addAttribute("schools", schools.schools(org));
    Accounts.PeoplePage people = accounts.page(org, q, (Math.max(1, page) - 1) * PEOPLE_PER_PAGE, PEOPLE_PER_PAGE);
    model.addAttribute("people", people.people());
    model.addAttribute("peoplePage", people);
    model.addAttribute("q", q.strip());
    model.addAttribute("page", Math.max(1, page));
    model.addAttribute("pages", Math.max(1, (people.total() + PEOPLE_PER_PAGE - 1) / PEOPLE_PER_PAGE));
    model.addAttribute("teachers", accounts.list(org, Role.TEACHER, null));
    int consentAge = settings.compliance().parentalConsentBelowAge();
    model.addAttribute("needsConsent", people.people().stream().filter(a -> Accounts.needsParentalConsent(a, consentAge)).map(Account::id).collect(java.util.stream.Collectors.toSet()));
    model.addAttribute("classes", schools.classes(org, null));
    model.addAttribute("plans", quotas.plans());
    model.addAttribute("usage", requests.usage(org));
    model.addAttribute("budget", budgets.budget(caller));
    model.addAttribute("roles", List.of(Role.STUDENT, Role.TEACHER, Role.ORG_ADMIN));
    return "admin";
  }

  @PostMapping("/admin/settings")
  String settings(@RequestParam(defaultValue = "false") boolean sharedLibrary, @RequestParam String basePlan, @RequestParam(defaultValue = "false") boolean individualUpgrades, @RequestParam(defaultValue = "false") boolean audio, @RequestParam(defaultValue = "false") boolean video, Model model, HttpServletRequest request, Caller caller) {
    OrganizationId org = caller.organization();
    OrganizationSettings old = organizations.settings(org);
    return attempt(model, caller, () -> {
      if (quotas.plan(basePlan).isEmpty()) throw new org.vividly.common.InvalidRequest("Unknown plan " + basePlan);
      organizations.updateSettings(org, new OrganizationSettings(new OrganizationSettings.Libraries(sharedLibrary), new OrganizationSettings.Pricing(basePlan, individualUpgrades), old.compliance(), new OrganizationSettings.Features(audio, video, old.features().interestsPersonalization())));
    });
  }

  /** An empty amount removes the budget. */
  @PostMapping("/admin/budget")
  String budget(@RequestParam(required = false) String monthlyUsd, Model model, Caller caller) {
    return attempt(model, caller, () -> {
      java.math.BigDecimal amount;
      try {
        amount = monthlyUsd == null || monthlyUsd.isBlank() ? null : new java.math.BigDecimal(monthlyUsd.strip());
      } catch (NumberFormatException e) {
        throw new org.vividly.common.InvalidRequest("The budget is an amount in US dollars, such as 250 or 99.50");
      }
      budgets.setBudget(caller, amount);
    });
  }

  @PostMapping("/admin/schools")
  String addSchool(@RequestParam String name, Model model, HttpServletRequest request, Caller caller) {
    return attempt(model, caller, () -> schools.createSchool(caller.organization(), name));
  }

  @PostMapping("/admin/users")
  String addUser(@RequestParam String email, @RequestParam String displayName, @RequestParam String role, @RequestParam(required = false) UUID schoolId, @RequestParam(required = false) Integer grade, Model model, HttpServletRequest request, Caller caller) {
    return attempt(model, caller, () -> {
      Role parsed = Role.parse(role);
      if (parsed == Role.SUPER_ADMIN) throw new org.vividly.common.Forbidden("Super admins are made from the API by a super admin");
      Account account = accounts.create(caller.organization(), new NewAccount(email, displayName, parsed, schoolId, grade, null, List.of()));
      String token = accounts.invite(caller.organization(), account.id(), caller.userId());
      emails.invitation(account, organizations.get(caller.organization()).name(), token);
      model.addAttribute("invitation", emails.invitationLink(token));
      model.addAttribute("invited", account.email());
    });
  }

  /** A parent's consent, recorded by a teacher of the student (or an admin). */
  @PostMapping("/teach/students/{id}/consent")
  String studentConsent(@PathVariable UUID id, Caller caller, Visibility visibility) {
    if (!visibility.allows(id)) throw new NotFound("Student", id);
    accounts.setParentalConsent(visibility.organization(), id, true, caller.userId());
    return "redirect:/teach/students/" + id + "?consent";
  }

  /** A parent's consent, recorded by an admin from the people table. */
  @PostMapping("/admin/users/{id}/consent")
  String consent(@PathVariable UUID id, Model model, Caller caller) {
    return attempt(model, caller, () -> accounts.setParentalConsent(caller.organization(), id, true, caller.userId()));
  }

  @PostMapping("/admin/users/{id}/delete")
  String deleteUser(@PathVariable UUID id, Model model, HttpServletRequest request, Caller caller) {
    return attempt(model, caller, () -> {
      if (id.equals(caller.userId())) throw new org.vividly.common.Forbidden("You cannot delete your own account");
      accounts.delete(caller.organization(), id);
    });
  }

  /** A person's own plan (empty for the organization's base plan), where the organization allows upgrades. */
  @PostMapping("/admin/users/{id}/plan")
  String plan(@PathVariable UUID id, @RequestParam(defaultValue = "") String planCode, Model model, HttpServletRequest request, Caller caller) {
    return attempt(model, caller, () -> quotas.changePlan(caller.organization(), id, planCode.isBlank() ? null : planCode));
  }

  @PostMapping("/admin/classes")
  String addClass(@RequestParam UUID schoolId, @RequestParam UUID teacherId, @RequestParam String name, @RequestParam(defaultValue = "") String subject, @RequestParam(required = false) Integer grade, @RequestParam(defaultValue = "") String topics, Model model, HttpServletRequest request, Caller caller) {
    return attempt(model, caller, () -> schools.createClass(caller, schoolId, teacherId, name, subject, grade, Arrays.stream(topics.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList()));
  }

  private String attempt(Model model, Caller caller, Runnable change) {
    try {
      change.run();
      model.addAttribute("saved", true);
    } catch (VividlyException e) {
      model.addAttribute("error", e.getMessage());
    }
    return admin("", 1, model, caller);
  }
}
