package org.vividly.tenancy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vividly.common.Forbidden;
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
      c.id, c.organization_id, c.school_id, s.name, c.teacher_id, c.name, c.subject, c.grade, c.topics
      FROM school_class c JOIN school s ON s.id = c.school_id
      """;

  private static final String SCHOOL_QUERY =
      """
      SELECT s.id, s.organization_id, s.name,
        (SELECT count(*) FROM school_class c WHERE c.school_id = s.id AND c.deleted_at IS NULL)
      FROM school s WHERE s.organization_id = ? AND s.deleted_at IS NULL
      """;

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final People people;

  Schools(JdbcClient jdbc, JsonMapper json, People people) {
    this.jdbc = jdbc;
    this.json = json;
    this.people = people;
  }

  /** Schools with the number of their people, who live in the identity module. */
  private List<School> schoolsWithPeople(OrganizationId org, List<School> schools) {
    if (schools.isEmpty()) return schools;
    Map<UUID, Integer> perSchool = people.perSchool(org);
    return schools.stream().map(x -> new School(x.id(), x.organization(), x.name(), x.classes(), perSchool.getOrDefault(x.id(), 0))).toList();
  }

  /** Classes with their teacher's name and the number of their enrolled students who were not deleted. */
  private List<SchoolClass> withPeople(OrganizationId org, List<SchoolClass> classes) {
    if (classes.isEmpty()) return classes;
    Map<UUID, List<UUID>> enrolled = new HashMap<>();
    jdbc.sql("SELECT class_id, student_id FROM enrollment WHERE class_id = ANY(?)")
        .param(classes.stream().map(SchoolClass::id).toArray(UUID[]::new))
        .query((rs, i) -> enrolled.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class)))
        .list();
    Set<UUID> ids = new HashSet<>();
    for (SchoolClass c : classes) ids.add(c.teacherId());
    enrolled.values().forEach(ids::addAll);
    Map<UUID, People.Person> found = people.find(org, ids);
    return classes.stream().map(c -> {
      People.Person teacher = found.get(c.teacherId());
      int students = (int) enrolled.getOrDefault(c.id(), List.of()).stream().filter(found::containsKey).count();
      return new SchoolClass(c.id(), c.organization(), c.schoolId(), c.schoolName(), c.teacherId(), teacher == null ? null : teacher.displayName(), c.name(), c.subject(), c.grade(), c.topics(), students);
    }).toList();
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
    return schoolsWithPeople(org, jdbc.sql(SCHOOL_QUERY + " ORDER BY s.name").param(org.value()).query(Schools::mapSchool).list());
  }

  /**
   * Checks that the school exists in the organization, without counting its people (for checks
   * made once per person, as a roster import of thousands makes).
   *
   * @throws NotFound when it does not
   */
  public void requireSchool(OrganizationId org, UUID id) {
    if (jdbc.sql("SELECT count(*) FROM school WHERE organization_id = ? AND id = ? AND deleted_at IS NULL").params(org.value(), id).query(Long.class).single() == 0) throw new NotFound("School", id);
  }

  public School school(OrganizationId org, UUID id) {
    return schoolsWithPeople(org, List.of(jdbc.sql(SCHOOL_QUERY + " AND s.id = ?").params(org.value(), id).query(Schools::mapSchool).optional().orElseThrow(() -> new NotFound("School", id)))).getFirst();
  }

  @Transactional
  public void deleteSchool(OrganizationId org, UUID id) {
    if (jdbc.sql("UPDATE school SET deleted_at = now() WHERE id = ? AND organization_id = ? AND deleted_at IS NULL").params(id, org.value()).update() == 0) {
      throw new NotFound("School", id);
    }
    jdbc.sql("UPDATE school_class SET deleted_at = now() WHERE school_id = ? AND deleted_at IS NULL").param(id).update();
  }

  /**
   * Creates a class as {@code caller}: an admin at any school of the organization for any teacher;
   * a teacher only a class of their own, at their own school.
   *
   * @param teacherId the teacher; null for the caller
   * @throws Forbidden when a teacher names another teacher or another school, or has no school
   * @throws NotFound when the school or the teacher is not in the caller's organization
   * @throws InvalidRequest when the teacher is not a teacher, or a field is bad
   */
  @Transactional
  public SchoolClass createClass(Caller caller, UUID schoolId, UUID teacherId, String name, String subject, Integer grade, List<String> topics) {
    UUID teacher = teacherId == null ? caller.userId() : teacherId;
    if (!caller.role().isAdmin()) {
      if (!teacher.equals(caller.userId())) throw new Forbidden("Teachers create classes of their own");
      UUID own = schoolOf(caller.organization(), caller.userId());
      if (own == null) throw new Forbidden("You belong to no school yet: ask an administrator to set your school, or to create the class");
      if (!own.equals(schoolId)) throw new Forbidden("Teachers create classes at their own school");
    }
    return createClass(caller.organization(), schoolId, teacher, name, subject, grade, topics);
  }

  /**
   * Creates a class with the rights of the organization's administrator (demo seeding, roster
   * imports); people go through {@link #createClass(Caller, UUID, UUID, String, String, Integer, List)}.
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
    return withPeople(org, jdbc.sql("SELECT " + CLASS_COLUMNS + " WHERE c.organization_id = ? AND c.deleted_at IS NULL AND (CAST(? AS uuid) IS NULL OR c.teacher_id = ?) ORDER BY s.name, c.name")
        .params(org.value(), teacherId, teacherId)
        .query(this::mapClass)
        .list());
  }

  /** Classes a student is enrolled in. */
  public List<SchoolClass> classesOf(OrganizationId org, UUID studentId) {
    return withPeople(org, jdbc.sql("SELECT " + CLASS_COLUMNS + " WHERE c.organization_id = ? AND c.deleted_at IS NULL AND c.id IN (SELECT class_id FROM enrollment WHERE student_id = ?) ORDER BY c.name")
        .params(org.value(), studentId)
        .query(this::mapClass)
        .list());
  }

  public SchoolClass schoolClass(OrganizationId org, UUID id) {
    return jdbc.sql("SELECT " + CLASS_COLUMNS + " WHERE c.organization_id = ? AND c.id = ? AND c.deleted_at IS NULL")
        .params(org.value(), id)
        .query(this::mapClass)
        .optional()
        .map(c -> withPeople(org, List.of(c)).getFirst())
        .orElseThrow(() -> new NotFound("Class", id));
  }

  /** Deletes a class the caller manages (its teacher, or an admin); others' answer 404. */
  @Transactional
  public void deleteClass(Caller caller, UUID id) {
    managed(caller, id);
    deleteClass(caller.organization(), id);
  }

  @Transactional
  public void deleteClass(OrganizationId org, UUID id) {
    if (jdbc.sql("UPDATE school_class SET deleted_at = now() WHERE id = ? AND organization_id = ? AND deleted_at IS NULL").params(id, org.value()).update() == 0) {
      throw new NotFound("Class", id);
    }
  }

  /**
   * Enrolls a student as {@code caller}, which only an administrator may: enrolling makes a
   * student's requests, lessons and quota visible to the class's teacher, so a teacher cannot
   * enroll anyone (students join with the class's code, see {@link #join}). Enrolling twice is a
   * no-op.
   *
   * @throws NotFound when the class is not one the caller manages, or the person is not one of the organization's students
   * @throws Forbidden when the caller is not an administrator
   */
  @Transactional
  public void enroll(Caller caller, UUID classId, UUID studentId) {
    managed(caller, classId);
    if (!caller.role().isAdmin()) throw new Forbidden("Enrolling students is an administrator's act; students join a class with the code its teacher shares");
    enroll(caller.organization(), classId, studentId);
  }

  /**
   * Enrolls a student with the rights of the organization's administrator (demo seeding, roster
   * imports); people go through {@link #enroll(Caller, UUID, UUID)} or {@link #join}.
   */
  @Transactional
  public void enroll(OrganizationId org, UUID classId, UUID studentId) {
    // Only whether the class exists: loading it counts its students, once per enrollment.
    if (jdbc.sql("SELECT count(*) FROM school_class WHERE organization_id = ? AND id = ? AND deleted_at IS NULL").params(org.value(), classId).query(Long.class).single() == 0) throw new NotFound("Class", classId);
    requireStudent(org, studentId);
    jdbc.sql("INSERT INTO enrollment (class_id, student_id) VALUES (?, ?) ON CONFLICT DO NOTHING").params(classId, studentId).update();
  }

  /**
   * Takes a student out of a class: its teacher or an administrator.
   *
   * @throws NotFound when the class is not one the caller manages
   */
  @Transactional
  public void unenroll(Caller caller, UUID classId, UUID studentId) {
    managed(caller, classId);
    jdbc.sql("DELETE FROM enrollment WHERE class_id = ? AND student_id = ?").params(classId, studentId).update();
  }

  /**
   * A class the caller manages: any of the organization's for an administrator, for a teacher one
   * they teach.
   *
   * @throws NotFound otherwise, so that other teachers' classes are not revealed
   */
  public SchoolClass managed(Caller caller, UUID classId) {
    SchoolClass found = schoolClass(caller.organization(), classId);
    if (!caller.role().isAdmin() && !found.teacherId().equals(caller.userId())) throw new NotFound("Class", classId);
    return found;
  }

  /**
   * The code with which students join a class the caller manages, made on first use: eight
   * letters and digits without look-alikes (about 40 bits), to say aloud or write on a board.
   */
  @Transactional
  public String joinCode(Caller caller, UUID classId) {
    managed(caller, classId);
    // One statement, so that two first looks at once cannot each make a code and leave one dead.
    return jdbc.sql("UPDATE school_class SET join_code = coalesce(join_code, ?) WHERE id = ? RETURNING join_code").params(JoinCodes.next(), classId).query(String.class).single();
  }

  /** Replaces a class's join code (the old one stops working), for a class the caller manages. */
  @Transactional
  public String newJoinCode(Caller caller, UUID classId) {
    managed(caller, classId);
    String code = JoinCodes.next();
    jdbc.sql("UPDATE school_class SET join_code = ? WHERE id = ?").params(code, classId).update();
    return code;
  }

  /**
   * Enrolls the calling student in the class whose join code they were given.
   *
   * @throws Forbidden when the caller is not a student
   * @throws NotFound when no class of their organization has this code
   */
  @Transactional
  public SchoolClass join(Caller caller, String code) {
    if (caller.role() != Role.STUDENT) throw new Forbidden("Only students join classes with a code; teachers are assigned by an administrator");
    String normalized = JoinCodes.normalize(code);
    UUID classId = jdbc.sql("SELECT id FROM school_class WHERE organization_id = ? AND join_code = ? AND deleted_at IS NULL")
        .params(caller.organization().value(), normalized)
        .query(UUID.class)
        .optional()
        .orElseThrow(() -> new NotFound("Class with join code", normalized));
    enroll(caller.organization(), classId, caller.userId());
    return schoolClass(caller.organization(), classId);
  }

  /** Ids of the students enrolled in a class the caller manages. */
  public List<UUID> roster(Caller caller, UUID classId) {
    managed(caller, classId);
    return roster(caller.organization(), classId);
  }

  /** Ids of the students enrolled in a class. */
  public List<UUID> roster(OrganizationId org, UUID classId) {
    schoolClass(org, classId);
    List<UUID> enrolled = jdbc.sql("SELECT student_id FROM enrollment WHERE class_id = ?").param(classId).query(UUID.class).list();
    Map<UUID, People.Person> found = people.find(org, enrolled);
    return enrolled.stream().filter(found::containsKey)
        .sorted(java.util.Comparator.comparing((UUID id) -> found.get(id).displayName(), java.util.Comparator.nullsLast(String::compareTo)).thenComparing(UUID::toString))
        .toList();
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

  /**
   * Whom {@code caller} may find and share with inside their organization: everyone for admins;
   * for a teacher, the staff (teachers and admins) and the students of their classes; for a
   * student, their classmates and the teachers of their classes. The organization's directory is
   * never listed to a student.
   */
  public Visibility contacts(Caller caller) {
    OrganizationId org = caller.organization();
    Set<UUID> people = new HashSet<>(Set.of(caller.userId()));
    switch (caller.role()) {
      case SUPER_ADMIN, ORG_ADMIN -> {
        return Visibility.everyone(org, caller.userId());
      }
      case TEACHER -> {
        people.addAll(studentsOf(org, caller.userId()));
        people.addAll(this.people.staff(org));
      }
      case STUDENT -> people.addAll(jdbc.sql(
              """
              SELECT e.student_id FROM enrollment e JOIN school_class c ON c.id = e.class_id
              WHERE c.organization_id = ? AND c.deleted_at IS NULL AND e.class_id IN (SELECT class_id FROM enrollment WHERE student_id = ?)
              UNION SELECT c.teacher_id FROM school_class c JOIN enrollment e ON e.class_id = c.id
              WHERE c.organization_id = ? AND c.deleted_at IS NULL AND e.student_id = ?""")
          .params(org.value(), caller.userId(), org.value(), caller.userId())
          .query(UUID.class)
          .list());
    }
    return new Visibility(org, caller.userId(), Set.copyOf(people));
  }

  /** Students enrolled in any class the teacher teaches. */
  public List<UUID> studentsOf(OrganizationId org, UUID teacherId) {
    return jdbc.sql("SELECT DISTINCT e.student_id FROM enrollment e JOIN school_class c ON c.id = e.class_id WHERE c.teacher_id = ? AND c.organization_id = ? AND c.deleted_at IS NULL")
        .params(teacherId, org.value())
        .query(UUID.class)
        .list();
  }

  /** A student of the organization; anyone else is "not found", so that roles are not revealed. */
  private void requireStudent(OrganizationId org, UUID userId) {
    if (!roleOf(org, userId).filter(Role.STUDENT.code()::equals).isPresent()) throw new NotFound("Student", userId);
  }

  private java.util.Optional<String> roleOf(OrganizationId org, UUID userId) {
    return java.util.Optional.ofNullable(people.find(org, List.of(userId)).get(userId)).map(p -> p.role().code());
  }

  private UUID schoolOf(OrganizationId org, UUID userId) {
    People.Person person = people.find(org, List.of(userId)).get(userId);
    return person == null ? null : person.schoolId();
  }

  private void requireMember(OrganizationId org, UUID userId, String what, Role... roles) {
    String role = roleOf(org, userId).orElseThrow(() -> new NotFound("User", userId));
    if (Set.of(roles).stream().noneMatch(r -> r.code().equals(role))) {
      throw new InvalidRequest("User " + userId + " is a " + role.replace('_', ' ') + ", not a " + what);
    }
  }

  private static School mapSchool(ResultSet rs, int row) throws SQLException {
    return new School(rs.getObject(1, UUID.class), new OrganizationId(rs.getObject(2, UUID.class)), rs.getString(3), rs.getInt(4), 0);
  }

  private SchoolClass mapClass(ResultSet rs, int row) throws SQLException {
    Integer grade = rs.getObject(8) == null ? null : rs.getInt(8);
    return new SchoolClass(rs.getObject(1, UUID.class), new OrganizationId(rs.getObject(2, UUID.class)), rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, UUID.class), null, rs.getString(6), rs.getString(7), grade, json.readValue(rs.getString(9), STRINGS), 0);
  }

}
