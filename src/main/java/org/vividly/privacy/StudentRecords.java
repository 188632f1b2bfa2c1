package org.vividly.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.vividly.common.Forbidden;
import org.vividly.common.InvalidRequest;
import org.vividly.common.NotFound;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Organization;
import org.vividly.tenancy.OrganizationId;
import org.vividly.tenancy.Organizations;
import org.vividly.tenancy.Role;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data rules on people's records: an admin's export and erasure of one person, and retention
 * (students' records older than the organization's {@code dataRetentionDays} are deleted). Every
 * module keeping records takes part through {@link PersonalData}; each action is audited.
 */
@Service
public class StudentRecords {

  private static final Logger log = LoggerFactory.getLogger(StudentRecords.class);

  private final ObjectProvider<PersonalData> parts;
  private final People people;
  private final Organizations organizations;
  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final TransactionTemplate transactions;

  StudentRecords(ObjectProvider<PersonalData> parts, People people, Organizations organizations, JdbcClient jdbc, JsonMapper json, TransactionTemplate transactions) {
    this.transactions = transactions;
    this.parts = parts;
    this.people = people;
    this.organizations = organizations;
    this.jdbc = jdbc;
    this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
  }

  /**
   * An audit record.
   *
   * @param action {@code export}, {@code erasure} or {@code retention}
   * @param detail what was counted, for example records deleted per part
   */
  public record AuditEntry(UUID id, String action, UUID actorId, UUID subjectId, Map<String, Object> detail, Instant at) {}

  /**
   * Writes everything about one person as a ZIP: {@code person.json} (the account and each part's
   * records) and their media files under their part's folder.
   *
   * @throws Forbidden unless the caller is an admin who may act on that person
   * @throws NotFound when the person is not a member of the caller's organization
   */
  public void export(Caller caller, UUID person, OutputStream out) {
    Role role = mayExport(caller, person);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("exportedAt", Instant.now().toString());
    document.put("organization", caller.organization().value());
    document.put("person", person);
    document.put("role", role.code());
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (PersonalData part : ordered()) {
        List<Map<String, Object>> records = part.export(caller.organization(), person);
        document.put(part.name(), records);
        counts.put(part.name(), records.size());
      }
      zip.putNextEntry(new ZipEntry("person.json"));
      zip.write(json.writeValueAsBytes(document));
      zip.closeEntry();
      for (PersonalData part : ordered()) {
        part.exportFiles(caller.organization(), person, (String path, InputStream content) -> {
          try (content) {
            zip.putNextEntry(new ZipEntry(part.name() + "/" + path));
            content.transferTo(zip);
            zip.closeEntry();
          }
        });
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the export", e);
    }
    audit(caller.organization(), caller.userId(), person, "export", Map.of("records", counts));
  }

  /**
   * Erases everything about one person, part by part, the account last (it is anonymized and can
   * no longer sign in), in one transaction.
   *
   * @return records deleted per part
   * @throws Forbidden unless the caller is an admin who may act on that person, and not on themself
   * @throws NotFound when the person is not a member of the caller's organization
   */
  @Transactional
  public Map<String, Integer> erase(Caller caller, UUID person) {
    mayExport(caller, person);
    if (person.equals(caller.userId())) throw new Forbidden("You cannot erase your own account; another admin can");
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (PersonalData part : ordered()) counts.put(part.name(), part.erase(caller.organization(), person));
    audit(caller.organization(), caller.userId(), person, "erasure", Map.of("records", counts));
    log.info("Person {} of {} erased by {}: {}", person, caller.organization().value(), caller.userId(), counts);
    return counts;
  }

  /**
   * Applies every organization's retention: students' records made more than {@code
   * dataRetentionDays} before {@code now} are deleted. Each organization's run is its own
   * transaction and audit record.
   *
   * @return records deleted per organization slug and part (organizations with nothing to delete are left out)
   */
  public Map<String, Map<String, Integer>> applyRetention(Instant now) {
    Map<String, Map<String, Integer>> deleted = new LinkedHashMap<>();
    for (Organization org : organizations.all()) {
      try {
        Map<String, Integer> counts = transactions.execute(status -> applyRetention(org.id(), now));
        if (counts.values().stream().anyMatch(n -> n > 0)) deleted.put(org.slug(), counts);
      } catch (RuntimeException e) {
        // One organization's failure must not keep the others' rules from being applied.
        log.error("Retention for organization {} failed; the next run tries again", org.slug(), e);
      }
    }
    return deleted;
  }

  private Map<String, Integer> applyRetention(OrganizationId org, Instant now) {
    int days = organizations.settings(org).compliance().dataRetentionDays();
    Instant cutoff = now.minus(Duration.ofDays(days));
    List<UUID> students = people.withRole(org, Role.STUDENT);
    Map<String, Integer> counts = new LinkedHashMap<>();
    if (students.isEmpty()) return counts;
    for (PersonalData part : ordered()) counts.put(part.name(), part.eraseBefore(org, students, cutoff));
    if (counts.values().stream().anyMatch(n -> n > 0)) {
      audit(org, null, null, "retention", Map.of("retentionDays", days, "cutoff", cutoff.toString(), "students", students.size(), "records", counts));
      log.info("Retention ({} days) deleted in {}: {}", days, org.value(), counts);
    }
    return counts;
  }

  /**
   * The organization's audit records, newest first.
   *
   * @throws Forbidden unless the caller is an admin
   */
  public List<AuditEntry> audit(Caller caller, int limit) {
    if (!caller.role().isAdmin()) throw new Forbidden("Only admins see the privacy audit");
    if (limit < 1 || limit > 1000) throw new InvalidRequest("limit is from 1 to 1000");
    return jdbc.sql("SELECT id, action, actor_id, subject_id, detail::text AS detail, at FROM privacy_audit WHERE organization_id = ? ORDER BY at DESC, id LIMIT ?")
        .params(caller.organization().value(), limit)
        .query((rs, i) -> new AuditEntry(rs.getObject("id", UUID.class), rs.getString("action"), rs.getObject("actor_id", UUID.class), rs.getObject("subject_id", UUID.class),
            json.readValue(rs.getString("detail"), new TypeReference<Map<String, Object>>() {}), rs.getTimestamp("at").toInstant()))
        .list();
  }

  /**
   * Checks that the caller may export or erase this person, before an export's answer starts (a
   * refusal then is Problem Details rather than a broken ZIP).
   *
   * @return the person's role
   * @throws Forbidden unless the caller is an admin who may act on that person
   * @throws NotFound when the person is not a member of the caller's organization
   */
  public Role mayExport(Caller caller, UUID person) {
    if (!caller.role().isAdmin()) throw new Forbidden("Only admins export or erase a person's records");
    Role role = people.role(caller.organization(), person).orElseThrow(() -> new NotFound("Person", person));
    if (role == Role.SUPER_ADMIN && caller.role() != Role.SUPER_ADMIN) throw new Forbidden("Only a super admin may export or erase a super admin");
    return role;
  }

  private List<PersonalData> ordered() {
    List<PersonalData> list = new ArrayList<>(parts.stream().toList());
    list.sort(Comparator.comparingInt(PersonalData::order).thenComparing(PersonalData::name));
    return list;
  }

  private void audit(OrganizationId org, UUID actor, UUID subject, String action, Map<String, Object> detail) {
    jdbc.sql("INSERT INTO privacy_audit (id, organization_id, actor_id, subject_id, action, detail) VALUES (?, ?, ?, ?, ?, ?::jsonb)")
        .params(UUID.randomUUID(), org.value(), actor, subject, action, json.writeValueAsString(detail))
        .update();
  }
}
