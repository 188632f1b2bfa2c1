package org.vividly.rosters.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.vividly.common.PageController;
import org.vividly.common.VividlyException;
import org.vividly.rosters.RosterImport;
import org.vividly.tenancy.Caller;

/** The roster import page: upload, see what would change, then import. */
@PageController
class RosterPages {

  private final RosterImport rosters;

  RosterPages(RosterImport rosters) {
    this.rosters = rosters;
  }

  @GetMapping("/admin/rosters")
  String page(Caller caller) {
    if (!caller.role().isAdmin()) throw new org.vividly.common.Forbidden("Only admins import rosters");
    return "rosters";
  }

  @PostMapping("/admin/rosters")
  String upload(@RequestPart(name = "file", required = false) MultipartFile file, @RequestParam(required = false) String format, @RequestParam(defaultValue = "false") boolean apply,
      @RequestParam(defaultValue = "false") boolean invite, Model model, Caller caller, jakarta.servlet.http.HttpServletResponse response) {
    try {
      model.addAttribute("report", RostersApi.importRoster(rosters, file, format, apply, invite, caller));
    } catch (VividlyException e) {
      response.setStatus(e.status().value());
      model.addAttribute("error", e.getMessage());
    }
    model.addAttribute("format", format);
    return "rosters";
  }
}
