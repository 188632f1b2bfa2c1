package org.vividly.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RestController;
import org.vividly.common.Forbidden;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Organization;
import org.vividly.tenancy.OrganizationId;
import org.vividly.tenancy.OrganizationSettings;
import org.vividly.tenancy.OrganizationType;
import org.vividly.tenancy.Organizations;
import org.vividly.tenancy.School;
import org.vividly.tenancy.SchoolClass;
import org.vividly.tenancy.Schools;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organizations", description = "The organization, its settings, schools and classes")
class OrganizationApi {

  private final Organizations organizations;
  private final Schools schools;

  OrganizationApi(Organizations organizations, Schools schools) {
    this.organizations = organizations;
    this.schools = schools;
  }

  record OrganizationView(Organization organization, OrganizationSettings settings) {}

  /** @param type k12_district, single_school, university, tutoring_center, homeschool_group, public_library, nonprofit or company_training */
  record CreateOrganization(String name, String slug, String type) {}

  record OrganizationName(String name) {}

  record CreateSchool(String name) {}

  /** @param teacherId the teacher; teachers creating a class may leave it out (themselves) */
  record CreateClass(UUID schoolId, UUID teacherId, String name, String subject, Integer grade, List<String> topics) {}

  @GetMapping("/organization")
  @Operation(summary = "My organization and its settings")
  OrganizationView organization(Caller caller) {
    OrganizationId org = caller.organization();
    return new OrganizationView(organizations.get(org), organizations.settings(org));
  }

  @PatchMapping("/organization")
  @Operation(summary = "Rename my organization (org admin)")
  OrganizationView rename(@RequestBody OrganizationName body, HttpServletRequest request, Caller caller) {
    OrganizationId org = caller.organization();
    organizations.rename(org, body.name());
    return organization(caller);
  }

  @PutMapping("/organization/settings")
  @Operation(summary = "Replace my organization's settings (org admin)", description = "Libraries (the shared open library on or off), pricing (base plan, individual upgrades), compliance and features.")
  OrganizationSettings settings(@RequestBody OrganizationSettings settings, Caller caller) {
    return organizations.updateSettings(caller.organization(), settings);
  }

  @GetMapping("/organizations")
  @Operation(summary = "Every organization (super admin)")
  List<Organization> all() {
    return organizations.all();
  }

  @PostMapping("/organizations")
  @Operation(summary = "Create an organization (super admin)", description = "It starts with its type's default settings.")
  ResponseEntity<Organization> create(@RequestBody CreateOrganization body) {
    Organization created = organizations.create(body.name(), body.slug(), OrganizationType.parse(body.type()));
    return ResponseEntity.created(URI.create("/api/v1/organizations/" + created.id())).body(created);
  }

  @DeleteMapping("/organizations/{id}")
  @Operation(summary = "Delete an organization (super admin)", description = "Soft delete: nobody can sign in to it any more; its records stay.")
  ResponseEntity<Void> delete(@PathVariable UUID id, Caller caller) {
    if (caller.organization().value().equals(id)) throw new Forbidden("You cannot delete the organization you are signed in to");
    organizations.delete(new OrganizationId(id));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/schools")
  @Operation(summary = "Schools of my organization (org admin)")
  List<School> schools(Caller caller) {
    return schools.schools(caller.organization());
  }

  @PostMapping("/schools")
  @Operation(summary = "Add a school (org admin)")
  ResponseEntity<School> createSchool(@RequestBody CreateSchool body, Caller caller) {
    School school = schools.createSchool(caller.organization(), body.name());
    return ResponseEntity.created(URI.create("/api/v1/schools/" + school.id())).body(school);
  }

  @DeleteMapping("/schools/{id}")
  @Operation(summary = "Delete a school and its classes (org admin)")
  ResponseEntity<Void> deleteSchool(@PathVariable UUID id, Caller caller) {
    schools.deleteSchool(caller.organization(), id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/classes")
  @Operation(summary = "Classes", description = "Admins: every class of the organization; teachers: their own.")
  List<SchoolClass> classes(Caller caller) {
    return schools.classes(caller.organization(), caller.role().isAdmin() ? null : caller.userId());
  }

  @PostMapping("/classes")
  @Operation(summary = "Create a class", description = "Admins: at any school, naming the teacher. Teachers: a class of their own at their own school (403 otherwise).")
  ResponseEntity<SchoolClass> createClass(@RequestBody CreateClass body, Caller caller) {
    SchoolClass created = schools.createClass(caller, body.schoolId(), body.teacherId(), body.name(), body.subject(), body.grade(), body.topics());
    return ResponseEntity.created(URI.create("/api/v1/classes/" + created.id())).body(created);
  }

  @GetMapping("/classes/{id}")
  @Operation(summary = "One class", description = "Admins: any class; teachers: their own (404 otherwise).")
  SchoolClass schoolClass(@PathVariable UUID id, Caller caller) {
    return schools.managed(caller, id);
  }

  @DeleteMapping("/classes/{id}")
  @Operation(summary = "Delete a class", description = "Its teacher or an admin.")
  ResponseEntity<Void> deleteClass(@PathVariable UUID id, Caller caller) {
    schools.deleteClass(caller, id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/classes/{id}/students")
  @Operation(summary = "Ids of the students enrolled in a class", description = "Its teacher or an admin.")
  List<UUID> roster(@PathVariable UUID id, Caller caller) {
    return schools.roster(caller, id);
  }

  @PutMapping("/classes/{id}/students/{studentId}")
  @Operation(summary = "Enroll a student (org admin)", description = "Enrolling twice does nothing. Teachers cannot enroll students (403): students join with the class's join code.")
  ResponseEntity<Void> enroll(@PathVariable UUID id, @PathVariable UUID studentId, Caller caller) {
    schools.enroll(caller, id, studentId);
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/classes/{id}/students/{studentId}")
  @Operation(summary = "Unenroll a student", description = "The class's teacher or an admin.")
  ResponseEntity<Void> unenroll(@PathVariable UUID id, @PathVariable UUID studentId, Caller caller) {
    schools.unenroll(caller, id, studentId);
    return ResponseEntity.noContent().build();
  }

  /** @param code for example {@code K7PQ-2MXR} */
  record JoinCode(String code) {}

  @GetMapping("/classes/{id}/join-code")
  @Operation(summary = "The code students join a class with", description = "The class's teacher or an admin; made on first use.")
  JoinCode joinCode(@PathVariable UUID id, Caller caller) {
    return new JoinCode(schools.joinCode(caller, id));
  }

  @PostMapping("/classes/{id}/join-code")
  @Operation(summary = "Replace the join code", description = "The old code stops working. The class's teacher or an admin.")
  JoinCode newJoinCode(@PathVariable UUID id, Caller caller) {
    return new JoinCode(schools.newJoinCode(caller, id));
  }

  @PostMapping("/classes/join")
  @Operation(summary = "Join a class with its code (students)", description = "Enrolls the signed-in student in the class of their organization with this code.")
  SchoolClass join(@RequestBody JoinCode body, Caller caller) {
    return schools.join(caller, body == null ? null : body.code());
  }
}
