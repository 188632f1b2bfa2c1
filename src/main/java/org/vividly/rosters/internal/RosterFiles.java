package org.vividly.rosters.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.vividly.common.InvalidRequest;

/**
 * Reads roster files into {@link RosterRows}: OneRoster 1.1 CSV tables in a ZIP, or the simple CSV
 * ({@code email,name,role,school,class,grade,birth_date}, one person a row). Unreadable rows become
 * problems with their file and line; a file that is not what it should be is refused whole.
 */
public final class RosterFiles {

  /** The most an upload may unpack to (a ZIP bomb is refused). */
  static final long MAX_BYTES = 200L * 1024 * 1024;
  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();

  private RosterFiles() {}

  /**
   * OneRoster 1.1 CSV tables in a ZIP. {@code orgs.csv} and {@code users.csv} are required;
   * {@code classes.csv}, {@code enrollments.csv} and {@code demographics.csv} are read when present.
   *
   * @throws InvalidRequest when it is not a ZIP of those files, or unpacks to more than 200 MB
   */
  public static RosterRows oneRoster(InputStream zip) throws IOException {
    Map<String, byte[]> files = unzip(zip);
    for (String required : List.of("orgs.csv", "users.csv")) {
      if (!files.containsKey(required)) throw new InvalidRequest("A OneRoster export has " + required + "; this ZIP has " + (files.isEmpty() ? "no CSV file" : String.join(", ", files.keySet())));
    }
    Rows rows = new Rows();
    Map<String, LocalDate> births = new HashMap<>();
    if (files.containsKey("demographics.csv")) {
      for (CSVRecord r : records(files, "demographics.csv", List.of("sourcedId"))) {
        String birth = value(r, "birthDate");
        if (birth == null) continue;
        try {
          births.put(value(r, "sourcedId"), LocalDate.parse(birth));
        } catch (DateTimeParseException e) {
          rows.problem("demographics.csv", r, "birthDate '" + birth + "' is not a date such as 2014-09-01");
        }
      }
    }
    for (CSVRecord r : records(files, "orgs.csv", List.of("sourcedId", "name", "type"))) {
      if (deleted(r)) continue;
      String type = lower(value(r, "type"));
      if (!"school".equals(type)) {
        rows.skipped.add(new RosterRows.Skipped("orgs of type " + type));
        continue;
      }
      rows.schools.add(new RosterRows.SchoolRow("orgs.csv", line(r), value(r, "sourcedId"), value(r, "name")));
    }
    for (CSVRecord r : records(files, "users.csv", List.of("sourcedId", "role", "givenName", "familyName"))) {
      if (deleted(r) || "false".equalsIgnoreCase(value(r, "enabledUser"))) {
        rows.skipped.add(new RosterRows.Skipped("users marked deleted or not enabled"));
        continue;
      }
      String role = switch (lower(value(r, "role"))) {
        case "student" -> "student";
        case "teacher" -> "teacher";
        case "administrator" -> "org_admin";
        case null -> null;
        default -> null;
      };
      if (role == null) {
        rows.skipped.add(new RosterRows.Skipped("users with role " + lower(value(r, "role"))));
        continue;
      }
      String email = value(r, "email");
      if (email == null && value(r, "username") != null && value(r, "username").contains("@")) email = value(r, "username");
      String name = join(value(r, "givenName"), value(r, "familyName"));
      String orgs = value(r, "orgSourcedIds");
      String school = orgs == null ? null : orgs.split(",")[0].strip();
      rows.people.add(new RosterRows.PersonRow("users.csv", line(r), value(r, "sourcedId"), email, name, role, grade(value(r, "grades")), school, births.get(value(r, "sourcedId"))));
    }
    if (files.containsKey("classes.csv")) {
      for (CSVRecord r : records(files, "classes.csv", List.of("sourcedId", "title", "schoolSourcedId"))) {
        if (deleted(r)) continue;
        String subjects = value(r, "subjects");
        rows.classes.add(new RosterRows.ClassRow("classes.csv", line(r), value(r, "sourcedId"), value(r, "title"), value(r, "schoolSourcedId"), grade(value(r, "grades")), subjects == null ? null : subjects.split(",")[0].strip()));
      }
    }
    if (files.containsKey("enrollments.csv")) {
      for (CSVRecord r : records(files, "enrollments.csv", List.of("classSourcedId", "userSourcedId", "role"))) {
        String role = lower(value(r, "role"));
        if (!"student".equals(role) && !"teacher".equals(role)) {
          rows.skipped.add(new RosterRows.Skipped("enrollments with role " + role));
          continue;
        }
        rows.enrollments.add(new RosterRows.EnrollmentRow("enrollments.csv", line(r), value(r, "classSourcedId"), value(r, "userSourcedId"), role, "true".equalsIgnoreCase(value(r, "primary")), deleted(r)));
      }
    }
    return rows.done();
  }

  /**
   * The simple CSV: {@code email,name,role,school,class,grade,birth_date}; {@code role} is
   * student, teacher or admin; {@code class} (optional) is the class a student joins or a teacher
   * teaches at that school.
   *
   * @throws InvalidRequest when the header lacks email, name or role
   */
  public static RosterRows simple(InputStream csv) throws IOException {
    Map<String, byte[]> files = Map.of("roster.csv", read(csv));
    Rows rows = new Rows();
    Map<String, String> schools = new LinkedHashMap<>();
    Map<String, RosterRows.ClassRow> classes = new LinkedHashMap<>();
    for (CSVRecord r : records(files, "roster.csv", List.of("email", "name", "role"))) {
      String email = value(r, "email");
      String role = switch (lower(value(r, "role"))) {
        case "student" -> "student";
        case "teacher" -> "teacher";
        case "admin", "org_admin", "administrator" -> "org_admin";
        case null -> null;
        default -> null;
      };
      if (role == null) {
        rows.problem("roster.csv", r, "role '" + value(r, "role") + "' is not student, teacher or admin");
        continue;
      }
      String school = value(r, "school");
      String schoolId = null;
      if (school != null) {
        schoolId = "name:" + school.toLowerCase(Locale.ROOT);
        if (schools.putIfAbsent(schoolId, school) == null) rows.schools.add(new RosterRows.SchoolRow("roster.csv", line(r), schoolId, school));
      }
      LocalDate birth = null;
      String birthText = value(r, "birth_date");
      if (birthText != null) {
        try {
          birth = LocalDate.parse(birthText);
        } catch (DateTimeParseException e) {
          rows.problem("roster.csv", r, "birth_date '" + birthText + "' is not a date such as 2014-09-01");
          continue;
        }
      }
      Integer grade = grade(value(r, "grade"));
      String personId = email == null ? "line:" + line(r) : email.strip().toLowerCase(Locale.ROOT);
      rows.people.add(new RosterRows.PersonRow("roster.csv", line(r), personId, email, value(r, "name"), role, grade, schoolId, birth));
      String className = value(r, "class");
      if (className != null) {
        if (schoolId == null) {
          rows.problem("roster.csv", r, "class '" + className + "' needs its school in the school column");
          continue;
        }
        String classId = schoolId + "/" + className.toLowerCase(Locale.ROOT);
        classes.putIfAbsent(classId, new RosterRows.ClassRow("roster.csv", line(r), classId, className, schoolId, "student".equals(role) ? grade : null, null));
        if (!"org_admin".equals(role)) rows.enrollments.add(new RosterRows.EnrollmentRow("roster.csv", line(r), classId, personId, role, "teacher".equals(role), false));
      }
    }
    rows.classes.addAll(classes.values());
    return rows.done();
  }

  private static final class Rows {
    final List<RosterRows.SchoolRow> schools = new ArrayList<>();
    final List<RosterRows.PersonRow> people = new ArrayList<>();
    final List<RosterRows.ClassRow> classes = new ArrayList<>();
    final List<RosterRows.EnrollmentRow> enrollments = new ArrayList<>();
    final List<RosterRows.Skipped> skipped = new ArrayList<>();
    final List<RosterRows.Problem> problems = new ArrayList<>();

    void problem(String file, CSVRecord r, String message) {
      problems.add(new RosterRows.Problem(file, line(r), message));
    }

    RosterRows done() {
      return new RosterRows(schools, people, classes, enrollments, skipped, problems);
    }
  }

  private static List<CSVRecord> records(Map<String, byte[]> files, String name, List<String> required) throws IOException {
    try (Reader reader = new InputStreamReader(new ByteArrayInputStream(stripBom(files.get(name))), StandardCharsets.UTF_8);
        CSVParser parser = CSV.parse(reader)) {
      List<String> header = parser.getHeaderNames();
      List<String> missing = required.stream().filter(c -> !header.contains(c)).toList();
      if (!missing.isEmpty()) throw new InvalidRequest(name + " has no column " + String.join(", ", missing) + " (its header is: " + String.join(",", header) + ")");
      try {
        return parser.getRecords();
      } catch (java.io.UncheckedIOException e) {
        throw new InvalidRequest(name + " is not valid CSV: " + e.getCause().getMessage());
      }
    }
  }

  private static Map<String, byte[]> unzip(InputStream in) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    long total = 0;
    try (ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.isDirectory()) continue;
        String name = e.getName().substring(e.getName().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv")) continue;
        byte[] content = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES - total + 1));
        total += content.length;
        if (total > MAX_BYTES) throw new InvalidRequest("The roster unpacks to more than 200 MB");
        files.put(name, content);
      }
    } catch (java.util.zip.ZipException e) {
      throw new InvalidRequest("A OneRoster export is a ZIP of CSV files; this is not a ZIP (" + e.getMessage() + ")");
    }
    if (files.isEmpty()) throw new InvalidRequest("A OneRoster export is a ZIP of CSV files (orgs.csv, users.csv, classes.csv, enrollments.csv); this has none");
    return files;
  }

  private static byte[] read(InputStream in) throws IOException {
    byte[] content = in.readNBytes((int) MAX_BYTES + 1);
    if (content.length > MAX_BYTES) throw new InvalidRequest("The roster is larger than 200 MB");
    return content;
  }

  private static byte[] stripBom(byte[] content) {
    if (content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb && (content[2] & 0xff) == 0xbf) return java.util.Arrays.copyOfRange(content, 3, content.length);
    return content;
  }

  private static String value(CSVRecord r, String column) {
    if (!r.isMapped(column) || !r.isSet(column)) return null;
    String v = r.get(column).strip();
    return v.isEmpty() ? null : v;
  }

  private static boolean deleted(CSVRecord r) {
    return "tobedeleted".equalsIgnoreCase(value(r, "status"));
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private static String join(String given, String family) {
    String name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
    return name.isEmpty() ? null : name;
  }

  /** The first grade of a OneRoster list such as {@code 07} or {@code 09,10}; kindergarten and earlier have none. */
  static Integer grade(String grades) {
    if (grades == null) return null;
    String first = grades.split(",")[0].strip();
    try {
      int g = Integer.parseInt(first);
      return g >= 1 && g <= 16 ? g : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static long line(CSVRecord r) {
    // The header is line 1; records count from 1.
    return r.getRecordNumber() + 1;
  }
}
