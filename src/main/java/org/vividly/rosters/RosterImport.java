package org.vividly.rosters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.vividly.common.Forbidden;
import org.vividly.common.InvalidRequest;
import org.vividly.common.VividlyException;
import org.vividly.identity.Account;
import org.vividly.identity.Accounts;
import org.vividly.identity.Emails;
import org.vividly.identity.NewAccount;
import org.vividly.rosters.internal.RosterFiles;
import org.vividly.rosters.internal.RosterRows;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.OrganizationId;
import org.vividly.tenancy.Organizations;
import org.vividly.tenancy.Role;
import org.vividly.tenancy.School;
import org.vividly.tenancy.Schools;

/**
 * Imports a roster into the caller's organization: schools, people (created without a password:
 * they sign in with a school account or an invitation), classes with their teacher, and student
 * enrollments. A record seen before (by its source id, or a person by email) is updated, not made
 * again. All or nothing: with any error nothing is kept, and the report lists every row that
 * failed; a dry run does the same work and keeps nothing.
 */
@Service
public class RosterImport {

  private static final Logger log = LoggerFactory.getLogger(RosterImport.class);

  /** The upload's format. */
  public enum Format {
    /** OneRoster 1.1 CSV tables in a ZIP. */
    ONEROSTER,
    /** One person a row: email,name,role,school,class,grade,birth_date. */
    CSV;

    /** @throws InvalidRequest for an unknown name */
    public static Format parse(String name) {
      if (name != null) {
        for (Format f : values()) if (f.name().equalsIgnoreCase(name.strip())) return f;
      }
      throw new InvalidRequest("Unknown roster format '" + name + "'; use oneroster (a ZIP of OneRoster 1.1 CSV files) or csv");
    }
  }

  private final Accounts accounts;
  private final Schools schools;
  private final Organizations organizations;
  private final Emails emails;
  private final JdbcClient jdbc;
  private final TransactionTemplate outer;
  private final TransactionTemplate row;

  RosterImport(Accounts accounts, Schools schools, Organizations organizations, Emails emails, JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.accounts = accounts;
    this.schools = schools;
    this.organizations = organizations;
    this.emails = emails;
    this.jdbc = jdbc;
    this.outer = new TransactionTemplate(transactions);
    this.row = new TransactionTemplate(transactions);
    // Each row in a savepoint: a row that fails in the database leaves the others' work usable.
    this.row.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Imports (or with {@code dryRun} checks) a roster.
   *
   * @param invite whether the people it creates are emailed an invitation (after the import is kept)
   * @throws Forbidden unless the caller is an admin
   * @throws InvalidRequest when the upload is not a roster of that format at all
   */
  public RosterReport run(Caller caller, Format format, InputStream upload, boolean dryRun, boolean invite) {
    if (!caller.role().isAdmin()) throw new Forbidden("Only admins import rosters");
    RosterRows rows;
    try {
      rows = format == Format.ONEROSTER ? RosterFiles.oneRoster(upload) : RosterFiles.simple(upload);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the roster", e);
    }
    Run run = new Run(caller);
    for (RosterRows.Problem p : rows.problems()) run.errors.add(new RosterReport.RowError(p.file(), p.line(), p.message()));
    for (RosterRows.Skipped s : rows.skipped()) run.skipped.merge(s.reason(), 1, Integer::sum);
    outer.executeWithoutResult(status -> {
      run.apply(rows);
      if (dryRun || !run.errors.isEmpty()) status.setRollbackOnly();
    });
    boolean applied = !dryRun && run.errors.isEmpty();
    if (applied && invite) run.invite();
    log.info("Roster {} for {} ({}): created {}, updated {}, {} errors", dryRun ? "dry run" : applied ? "import" : "import refused", caller.organization().value(), format, run.created, run.updated, run.errors.size());
    return new RosterReport(dryRun, applied, run.created, run.updated, run.unchanged, run.skipped, List.copyOf(run.errors));
  }

  /** One import's state: what each source id became, counts and errors. */
  private final class Run {
    final Caller caller;
    final OrganizationId org;
    final Map<String, UUID> schoolIds = new HashMap<>();
    final Map<String, UUID> personIds = new HashMap<>();
    final Map<String, UUID> classIds = new HashMap<>();
    final Map<String, Integer> created = counts();
    final Map<String, Integer> updated = counts();
    final Map<String, Integer> unchanged = counts();
    final Map<String, Integer> skipped = new LinkedHashMap<>();
    final List<RosterReport.RowError> errors = new ArrayList<>();
    final List<UUID> newPeople = new ArrayList<>();

    Run(Caller caller) {
      this.caller = caller;
      this.org = caller.organization();
    }

    void apply(RosterRows rows) {
      Map<String, School> byName = new HashMap<>();
      for (School s : schools.schools(org)) byName.put(s.name().toLowerCase(Locale.ROOT), s);
      for (RosterRows.SchoolRow s : rows.schools()) each(s.file(), s.line(), () -> school(s, byName));
      for (RosterRows.PersonRow p : rows.people()) each(p.file(), p.line(), () -> person(p));
      Map<String, RosterRows.EnrollmentRow> teachers = new HashMap<>();
      for (RosterRows.EnrollmentRow e : rows.enrollments()) {
        if (e.role().equals("teacher") && !e.removed()) teachers.merge(e.classSourcedId(), e, (a, b) -> a.primary() ? a : b);
      }
      for (RosterRows.ClassRow c : rows.classes()) each(c.file(), c.line(), () -> schoolClass(c, teachers.get(c.sourcedId())));
      Map<UUID, Set<UUID>> rosters = new HashMap<>();
      for (RosterRows.EnrollmentRow e : rows.enrollments()) {
        if (e.role().equals("student")) each(e.file(), e.line(), () -> enrollment(e, rosters));
      }
    }

    private void each(String file, long line, Runnable work) {
      try {
        row.executeWithoutResult(status -> work.run());
      } catch (VividlyException | IllegalArgumentException e) {
        errors.add(new RosterReport.RowError(file, line, e.getMessage()));
      } catch (org.springframework.dao.DataAccessException e) {
        errors.add(new RosterReport.RowError(file, line, "The database refused this row: " + Objects.requireNonNullElse(e.getMostSpecificCause().getMessage(), e.getMessage())));
      }
    }

    private void school(RosterRows.SchoolRow s, Map<String, School> byName) {
      if (s.name() == null) throw new InvalidRequest("The school has no name");
      Optional<UUID> known = source("school", s.sourcedId());
      School existing = byName.get(s.name().toLowerCase(Locale.ROOT));
      if (known.isPresent() || existing != null) {
        UUID id = known.orElse(existing == null ? null : existing.id());
        schoolIds.put(s.sourcedId(), id);
        remember("school", s.sourcedId(), id);
        unchanged.merge("schools", 1, Integer::sum);
        return;
      }
      School made = schools.createSchool(org, s.name());
      byName.put(s.name().toLowerCase(Locale.ROOT), made);
      schoolIds.put(s.sourcedId(), made.id());
      remember("school", s.sourcedId(), made.id());
      created.merge("schools", 1, Integer::sum);
    }

    private void person(RosterRows.PersonRow p) {
      if (p.email() == null) throw new InvalidRequest("No email for " + Objects.requireNonNullElse(p.name(), p.sourcedId()) + ": Vividly accounts are found by email");
      if (p.name() == null) throw new InvalidRequest("No name for " + p.email());
      Role role = Role.parse(p.role());
      UUID school = p.schoolSourcedId() == null ? null : schoolIds.get(p.schoolSourcedId());
      if (p.schoolSourcedId() != null && school == null && p.file().equals("users.csv")) throw new InvalidRequest("School " + p.schoolSourcedId() + " is not in orgs.csv (or failed there)");
      Optional<Account> existing = source("person", p.sourcedId()).flatMap(accounts::find).or(() -> accounts.findByEmail(p.email()));
      if (existing.isPresent()) {
        Account a = existing.get();
        if (!a.organization().equals(org)) throw new InvalidRequest(p.email() + " has an account in another organization");
        Role newRole = a.role() == Role.SUPER_ADMIN ? null : role;
        boolean changes = !Objects.equals(a.displayName(), p.name()) || (newRole != null && a.role() != newRole) || (school != null && !school.equals(a.schoolId())) || (p.grade() != null && !p.grade().equals(a.grade()));
        if (changes) accounts.update(org, a.id(), p.name(), newRole, school, p.grade());
        boolean birth = p.birthDate() != null && !p.birthDate().equals(a.birthDate());
        if (birth) accounts.setBirthDate(org, a.id(), p.birthDate());
        (changes || birth ? updated : unchanged).merge("people", 1, Integer::sum);
        personIds.put(p.sourcedId(), a.id());
        remember("person", p.sourcedId(), a.id());
        return;
      }
      Accounts.checkBirthDate(p.birthDate());
      Account made = accounts.create(org, new NewAccount(p.email(), p.name(), role, school, p.grade(), null, List.of()));
      if (p.birthDate() != null) accounts.setBirthDate(org, made.id(), p.birthDate());
      personIds.put(p.sourcedId(), made.id());
      remember("person", p.sourcedId(), made.id());
      newPeople.add(made.id());
      created.merge("people", 1, Integer::sum);
    }

    private void schoolClass(RosterRows.ClassRow c, RosterRows.EnrollmentRow teacher) {
      if (c.title() == null) throw new InvalidRequest("The class has no title");
      Optional<UUID> known = source("class", c.sourcedId());
      if (known.isPresent()) {
        classIds.put(c.sourcedId(), known.get());
        unchanged.merge("classes", 1, Integer::sum);
        return;
      }
      UUID school = schoolIds.get(c.schoolSourcedId());
      if (school == null) throw new InvalidRequest("Class '" + c.title() + "': its school " + c.schoolSourcedId() + " is not in the roster (or failed)");
      if (teacher == null) throw new InvalidRequest("Class '" + c.title() + "' has no teacher: give it a teacher enrollment");
      UUID teacherId = personIds.get(teacher.userSourcedId());
      if (teacherId == null) throw new InvalidRequest("Class '" + c.title() + "': its teacher " + teacher.userSourcedId() + " is not in the roster (or failed)");
      UUID id = schools.createClass(org, school, teacherId, c.title(), c.subject(), c.grade(), List.of()).id();
      classIds.put(c.sourcedId(), id);
      remember("class", c.sourcedId(), id);
      created.merge("classes", 1, Integer::sum);
    }

    private void enrollment(RosterRows.EnrollmentRow e, Map<UUID, Set<UUID>> rosters) {
      UUID classId = classIds.get(e.classSourcedId());
      if (classId == null) throw new InvalidRequest("Class " + e.classSourcedId() + " is not in the roster (or failed)");
      UUID student = personIds.get(e.userSourcedId());
      if (student == null) throw new InvalidRequest("Student " + e.userSourcedId() + " is not in the roster (or failed)");
      Set<UUID> roster = rosters.computeIfAbsent(classId, id -> new HashSet<>(schools.roster(org, id)));
      if (e.removed()) {
        if (roster.remove(student)) {
          schools.unenroll(caller, classId, student);
          updated.merge("enrollments removed", 1, Integer::sum);
        }
        return;
      }
      if (roster.contains(student)) {
        unchanged.merge("enrollments", 1, Integer::sum);
        return;
      }
      schools.enroll(org, classId, student);
      roster.add(student);
      created.merge("enrollments", 1, Integer::sum);
    }

    /** Invitations for the new people, once the import is kept; a failure is logged, the import stands. */
    void invite() {
      String name = organizations.get(org).name();
      for (UUID id : newPeople) {
        try {
          Account a = accounts.get(org, id);
          emails.invitation(a, name, accounts.invite(org, id, caller.userId()));
        } catch (RuntimeException e) {
          log.warn("Could not invite {} after the roster import: {}", id, e.getMessage());
        }
      }
    }

    private Optional<UUID> source(String kind, String sourcedId) {
      if (sourcedId == null) return Optional.empty();
      return jdbc.sql("SELECT vividly_id FROM roster_source WHERE organization_id = ? AND kind = ? AND sourced_id = ?").params(org.value(), kind, sourcedId).query(UUID.class).optional();
    }

    private void remember(String kind, String sourcedId, UUID id) {
      if (sourcedId == null) return;
      jdbc.sql("INSERT INTO roster_source (organization_id, kind, sourced_id, vividly_id) VALUES (?, ?, ?, ?) ON CONFLICT (organization_id, kind, sourced_id) DO UPDATE SET vividly_id = EXCLUDED.vividly_id, imported_at = now()")
          .params(org.value(), kind, sourcedId, id)
          .update();
    }

    private static Map<String, Integer> counts() {
      Map<String, Integer> m = new LinkedHashMap<>();
      for (String k : List.of("schools", "people", "classes", "enrollments")) m.put(k, 0);
      return m;
    }
  }
}
