package org.vividly.privacy.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vividly.common.PageController;
import org.vividly.privacy.StudentRecords;
import org.vividly.tenancy.Caller;

/** The admin page's export and erase buttons for a person. */
@PageController
class PrivacyPages {

  private final StudentRecords records;

  PrivacyPages(StudentRecords records) {
    this.records = records;
  }

  /** A download, not a page. */
  @GetMapping("/admin/people/{id}/export")
  @org.springframework.web.bind.annotation.ResponseBody
  void export(@PathVariable UUID id, Caller caller, HttpServletResponse response) throws IOException {
    records.mayExport(caller, id);
    response.setContentType("application/zip");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("vividly-person-" + id + ".zip").build().toString());
    records.export(caller, id, response.getOutputStream());
  }

  @PostMapping("/admin/people/{id}/erase")
  String erase(@PathVariable UUID id, Caller caller, RedirectAttributes redirect) {
    var counts = records.erase(caller, id);
    redirect.addFlashAttribute("erased", counts.values().stream().mapToInt(Integer::intValue).sum());
    return "redirect:/admin#people";
  }
}
