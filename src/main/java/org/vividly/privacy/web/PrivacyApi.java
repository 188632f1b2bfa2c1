package org.vividly.privacy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.vividly.common.Forbidden;
import org.vividly.privacy.StudentRecords;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Role;

@RestController
@Tag(name = "Privacy", description = "Export and erase one person's records; the retention job; the audit of both")
class PrivacyApi {

  private final StudentRecords records;

  PrivacyApi(StudentRecords records) {
    this.records = records;
  }

  @GetMapping(value = "/api/v1/privacy/people/{id}/export", produces = "application/zip")
  @Operation(summary = "Everything about one person, as a ZIP (admins)",
      description = "person.json (the account, requests, lessons, conversations, quiz answers, emails) and the person's media files. Audited.")
  ResponseEntity<StreamingResponseBody> export(@PathVariable UUID id, Caller caller) {
    records.mayExport(caller, id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("vividly-person-" + id + ".zip").build().toString())
        .body(out -> records.export(caller, id, out));
  }

  @PostMapping("/api/v1/privacy/people/{id}/erasure")
  @Operation(summary = "Erase everything about one person (admins)",
      description = "Their requests and files, lessons, conversations, quiz answers and emails are deleted and their account is anonymized; it cannot sign in again. Answers the records deleted per part. Audited. Not your own account.")
  Map<String, Integer> erase(@PathVariable UUID id, Caller caller) {
    return records.erase(caller, id);
  }

  @GetMapping("/api/v1/privacy/audit")
  @Operation(summary = "Exports, erasures and retention runs of the organization, newest first (admins)")
  List<StudentRecords.AuditEntry> audit(@RequestParam(defaultValue = "100") int limit, Caller caller) {
    return records.audit(caller, limit);
  }

  @PostMapping("/api/v1/privacy/retention")
  @Operation(summary = "Apply every organization's retention now (super admin)", description = "The job also runs every day. Answers the records deleted per organization and part.")
  Map<String, Map<String, Integer>> retention(Caller caller) {
    if (caller.role() != Role.SUPER_ADMIN) throw new Forbidden("Only a super admin runs retention for every organization");
    return records.applyRetention(Instant.now());
  }
}
