package org.vividly.onboarding.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vividly.common.Forbidden;
import org.vividly.common.InvalidRequest;
import org.vividly.common.PageController;
import org.vividly.common.VividlyException;
import org.vividly.onboarding.Onboarding;
import org.vividly.quota.Quotas;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Role;

/** The super admin's wizard for a new organization. */
@PageController
class OnboardingPages {

  private final Onboarding onboarding;
  private final Quotas quotas;

  OnboardingPages(Onboarding onboarding, Quotas quotas) {
    this.onboarding = onboarding;
    this.quotas = quotas;
  }

  @GetMapping("/admin/organizations/new")
  String wizard(Model model, Caller caller) {
    if (caller.role() != Role.SUPER_ADMIN) throw new Forbidden("Only a super admin sets up organizations");
    model.addAttribute("templates", onboarding.templates());
    model.addAttribute("plans", quotas.plans().stream().filter(p -> !p.audience().equals("individual")).toList());
    return "onboarding";
  }

  /** @param admins one admin a line: {@code Name <email>} or just the email */
  @PostMapping("/admin/organizations/new")
  String create(@RequestParam String type, @RequestParam String name, @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String domains,
      @RequestParam(defaultValue = "") String plan, @RequestParam(defaultValue = "false") boolean sharedLibrary, @RequestParam(defaultValue = "") String admins,
      Model model, Caller caller, HttpServletResponse response) {
    try {
      List<String> domainList = Arrays.stream(domains.split("[,\\s]+")).filter(d -> !d.isBlank()).toList();
      model.addAttribute("done", onboarding.onboard(caller, new Onboarding.NewOrganization(type, name, slug, domainList, plan, sharedLibrary, admins(admins))));
    } catch (VividlyException e) {
      response.setStatus(e.status().value());
      model.addAttribute("error", e.getMessage());
      model.addAttribute("form", java.util.Map.of("type", type, "name", name, "slug", slug, "domains", domains, "plan", plan, "admins", admins, "sharedLibrary", sharedLibrary));
    }
    return wizard(model, caller);
  }

  static List<Onboarding.Admin> admins(String lines) {
    List<Onboarding.Admin> admins = new ArrayList<>();
    for (String line : lines.split("\\R")) {
      String l = line.strip();
      if (l.isEmpty()) continue;
      int open = l.lastIndexOf('<');
      if (open >= 0 && l.endsWith(">")) admins.add(new Onboarding.Admin(l.substring(open + 1, l.length() - 1).strip(), l.substring(0, open).strip()));
      else if (l.contains("@") && !l.contains(" ")) admins.add(new Onboarding.Admin(l, null));
      else throw new InvalidRequest("Write each admin as 'Name <email>' or an email, one a line: '" + l + "' is neither");
    }
    return admins;
  }
}
