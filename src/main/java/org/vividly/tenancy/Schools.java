package org.vividly.tenancy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vividly.common.InvalidRequest;
import org.vividly.common.NotFound;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schools, classes and enrollments of an organization, and from them who may see whose work
 * ({@link #visibility}). Every method takes the organization and touches only its rows: an id from
 * another organization is "not found".
 */
@Service
public class Schools {

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final String CLASS_COLUMNS =
      """
      c.id, c.organization_id, c.school_id, s.name, c.teacher_id, t.display_name, c.name, c.subject, c.grade, c.topics,
      (SELECT count(*) FROM enrollment e JOIN app_user st ON st.id = e.student_id AND st.deleted_at IS NULL WHERE e.class_id = c.id)
      FROM school_class c JOIN school s ON s.id = c.school_id JOIN app_user t ON t.id = c.teacher_id
      """;

  private static final String SCHOOL_QUERY =
      """
      SELECT s.id, s.organization_id, s.name,
        (SELECT count(*) FROM school_class c WHERE c.school_id = s.id AND c.deleted_at IS NULL),
        (SELECT count(*) FROM app_user u WHERE u.school_id = s.id AND u.deleted_at IS NULL)
      FROM school s WHERE s.organization_id = ? AND s.deleted_at IS NULL
      """;

  private final JdbcClient jdbc;
  private final JsonMapper json;

  Schools(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Transactional
  public School createSchool(OrganizationId org, String name) {
    UUID id = UUID.randomUUID();
    try {
      jdbc.sql("INSERT INTO school (id, organization_id, name) VALUES (?, ?, ?)").params(id, org.value(), Names.check("School name", name)).update();
    } catch (DuplicateKeyException e) {
      throw new InvalidRequest("A school named '" + name.strip() + "' already exists in this organization");
    }
    return school(org, id);
  }

  public List<School> schools(OrganizationId org) {
    return jdbc.sql(SCHOOL_QUERY + " ORDER BY s.name").param(org.value()).query(Schools::mapSchool).list();
  }

  public School school(OrganizationId org, UUID id) {
    return jdbc.sql(SCHOOL_QUERY + " AND s.id = ?").params(org.value(), id).query(Schools::mapSchool).optional().orElseThrow(() -> new NotFound("School", id));
  }

  @Transactional
  public void deleteSchool(OrganizationId org, UUID id) {
    if (jdbc.sql("UPDATE school SET deleted_at = now() WHERE id = ? AND organization_id = ? AND deleted_at IS NULL").params(id, org.value()).update() == 0) {
      throw new NotFound("School", id);
    }
    jdbc.sql("UPDATE school_class SET deleted_at = now() WHERE school_id = ? AND deleted_at IS NULL").param(id).update();
  }

  /**
   * Creates a class.
   *
   * @throws NotFound when the school or the teacher is not in {@code org}
   * @throws InvalidRequest when the teacher is not a teacher, or a field is bad
   */
  @Transactional
  public SchoolClass createClass(OrganizationId org, UUID schoolId, UUID teacherId, String name, String subject, Integer grade, List<String> topics) {
    school(org, schoolId);
    requireMember(org, teacherId, "teacher", Role.TEACHER, Role.ORG_ADMIN);
    if (grade != null && (grade < 1 || grade > 16)) throw new InvalidRequest("grade must be 1-16");
    List<String> checkedTopics = topics == null ? List.of() : topics.stream().map(t -> Names.check("Topic", t)).distinct().toList();
    if (checkedTopics.size() > 50) throw new InvalidRequest("A class has at most 50 topics");
    UUID id = UUID.randomUUID();
    jdbc.sql("INSERT INTO school_class (id, organization_id, school_id, teacher_id, name, subject, grade, topics) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)")
        .params(id, org.value(), schoolId, teacherId, Names.check("Class name", name), subject == null || subject.isBlank() ? null : Names.check("Subject", subject), grade, json.writeValueAsString(checkedTopics))
        .update();
    return schoolClass(org, id);
  }

  /** Classes of the organization, or only those taught by {@code teacherId} when it is not null. */
  public List<SchoolClass> classes(OrganizationId org, UUID teacherId) {
    return jdbc.sql("SELECT " + CLASS_COLUMNS + " WHERE c.organization_id = ? AND c.deleted_at IS NULL AND (CAST(? AS uuid) IS NULL OR c.teacher_id = ?) ORDER BY s.name, c.name")
        .params(org.value(), teacherId, teacherId)
        .query(this::mapClass)
        .list();
  }

  /** Classes a student is enrolled in. */
  public List<SchoolClass> classesOf(OrganizationId org, UUID studentId) {
    return jdbc.sql("SELECT " + CLASS_COLUMNS + " WHERE c.organization_id = ? AND c.deleted_at IS NULL AND c.id IN (SELECT class_id FROM enrollment WHERE student_id = ?) ORDER BY c.name")
        .params(org.value(), studentId)
        .query(this::mapClass)
        .list();
  }

  public SchoolClass schoolClass(OrganizationId org, UUID id) {
    return jdbc.sql("SELECT " + CLASS_COLUMNS + " WHERE c.organization_id = ? AND c.id = ? AND c.deleted_at IS NULL")
        .params(org.value(), id)
        .query(this::mapClass)
        .optional()
        .orElseThrow(() -> new NotFound("Class", id));
  }

  @Transactional
  public void deleteClass(OrganizationId org, UUID id) {
    if (jdbc.sql("UPDATE school_class SET deleted_at = now() WHERE id = ? AND organization_id = ? AND deleted_at IS NULL").params(id, org.value()).update() == 0) {
      throw new NotFound("Class", id);
    }
  }

  /** Enrolls a student; enrolling twice is a no-op. */
  @Transactional
  public void enroll(OrganizationId org, UUID classId, UUID studentId) {
    schoolClass(org, classId);
    requireMember(org, studentId, "student", Role.STUDENT);
    jdbc.sql("INSERT INTO enrollment (class_id, student_id) VALUES (?, ?) ON CONFLICT DO NOTHING").params(classId, studentId).update();
  }

  @Transactional
  public void unenroll(OrganizationId org, UUID classId, UUID studentId) {
    schoolClass(org, classId);
    jdbc.sql("DELETE FROM enrollment WHERE class_id = ? AND student_id = ?").params(classId, studentId).update();
  }

  /** Ids of the students enrolled in a class. */
  public List<UUID> roster(OrganizationId org, UUID classId) {
    schoolClass(org, classId);
    return jdbc.sql("SELECT e.student_id FROM enrollment e JOIN app_user u ON u.id = e.student_id AND u.deleted_at IS NULL WHERE e.class_id = ? ORDER BY u.display_name")
        .param(classId)
        .query(UUID.class)
        .list();
  }

  /**
   * Whose records {@code caller} may see: everyone in the organization for admins; for a teacher
   * themself and the students of their classes; for a student only themself.
   */
  public Visibility visibility(Caller caller) {
    return switch (caller.role()) {
      case SUPER_ADMIN, ORG_ADMIN -> Visibility.everyone(caller.organization(), caller.userId());
      case STUDENT -> new Visibility(caller.organization(), caller.userId(), Set.of(caller.userId()));
      case TEACHER -> {
        Set<UUID> owners = new HashSet<>(studentsOf(caller.organization(), caller.userId()));
        owners.add(caller.userId());
        yield new Visibility(caller.organization(), caller.userId(), Set.copyOf(owners));
      }
    };
  }

  /** Students enrolled in any class the teacher teaches. */
  public List<UUID> studentsOf(OrganizationId org, UUID teacherId) {
    return jdbc.sql("SELECT DISTINCT e.student_id FROM enrollment e JOIN school_class c ON c.id = e.class_id WHERE c.teacher_id = ? AND c.organization_id = ? AND c.deleted_at IS NULL")
        .params(teacherId, org.value())
        .query(UUID.class)
        .list();
  }

  private void requireMember(OrganizationId org, UUID userId, String what, Role... roles) {
    String role = jdbc.sql("SELECT role FROM app_user WHERE id = ? AND organization_id = ? AND deleted_at IS NULL").params(userId, org.value()).query(String.class).optional().orElseThrow(() -> new NotFound("User", userId));
    if (Set.of(roles).stream().noneMatch(r -> r.code().equals(role))) {
      throw new InvalidRequest("User " + userId + " is a " + role.replace('_', ' ') + ", not a " + what);
    }
  }

  private static School mapSchool(ResultSet rs, int row) throws SQLException {
    return new School(rs.getObject(1, UUID.class), new OrganizationId(rs.getObject(2, UUID.class)), rs.getString(3), rs.getInt(4), rs.getInt(5));
  }

  private SchoolClass mapClass(ResultSet rs, int row) throws SQLException {
    Integer grade = rs.getObject(9) == null ? null : rs.getInt(9);
    return new SchoolClass(rs.getObject(1, UUID.class), new OrganizationId(rs.getObject(2, UUID.class)), rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getString(8), grade, json.readValue(rs.getString(10), STRINGS), rs.getInt(11));
  }

}
