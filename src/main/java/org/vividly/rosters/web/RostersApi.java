package org.vividly.rosters.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.vividly.common.InvalidRequest;
import org.vividly.rosters.RosterImport;
import org.vividly.rosters.RosterReport;
import org.vividly.tenancy.Caller;

@RestController
@Tag(name = "Rosters", description = "Schools, classes, teachers, students and enrollments from a student information system's export")
class RostersApi {

  private final RosterImport rosters;

  RostersApi(RosterImport rosters) {
    this.rosters = rosters;
  }

  /** Shared with the admin page's form. */
  static RosterReport importRoster(RosterImport rosters, MultipartFile file, String format, boolean apply, boolean invite, Caller caller) {
    if (file == null || file.isEmpty()) throw new InvalidRequest("Send the roster as the multipart part 'file'");
    RosterImport.Format f = format == null || format.isBlank()
        ? (file.getOriginalFilename() != null && file.getOriginalFilename().toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? RosterImport.Format.ONEROSTER : RosterImport.Format.CSV)
        : RosterImport.Format.parse(format);
    try (InputStream in = file.getInputStream()) {
      return rosters.run(caller, f, in, !apply, invite);
    } catch (IOException e) {
      throw new InvalidRequest("Could not read the upload: " + e.getMessage());
    }
  }

  @PostMapping(path = "/api/v1/rosters", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Import a roster (admins); a dry run unless apply=true",
      description = "file: a ZIP of OneRoster 1.1 CSV files (orgs, users, classes, enrollments, demographics) or a CSV with columns email,name,role,school,class,grade,birth_date. "
          + "All or nothing: the answer counts what was (or would be) created, updated and left alone, and lists every failed row by file and line; with errors nothing is kept. "
          + "invite=true emails an invitation to each person created.")
  RosterReport upload(@RequestPart(name = "file", required = false) MultipartFile file, @RequestParam(required = false) String format,
      @RequestParam(defaultValue = "false") boolean apply, @RequestParam(defaultValue = "false") boolean invite, Caller caller) {
    return importRoster(rosters, file, format, apply, invite, caller);
  }
}
