package org.vividly.rosters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vividly.identity.Account;
import org.vividly.support.IntegrationTest;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.OrganizationId;
import org.vividly.tenancy.Role;
import org.vividly.tenancy.SchoolClass;
import org.vividly.tenancy.Schools;
import tools.jackson.databind.JsonNode;

/**
 * Roster imports through the API: a OneRoster 1.1 export (dry run, import, the same export again,
 * a change), errors by file and line that keep everything out, the simple CSV, and admins only.
 */
class RostersIT extends IntegrationTest {

  @Autowired Schools schools;

  @Override
  protected String organization() {
    return "rosters-it";
  }

  private static final String ORGS = """
      sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId
      d1,active,2026-08-01,Lincoln District,district,,
      s1,active,2026-08-01,Lincoln Middle School,school,LMS,d1
      s2,active,2026-08-01,Lincoln High School,school,LHS,d1
      """;
  private static final String USERS = """
      sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password
      t1,active,2026-08-01,true,s1,teacher,mfrizzle,,Valerie,Frizzle,,,frizzle@%1$s,,,,,
      u1,active,2026-08-01,true,s1,student,,,Arnold,Perlstein,,,arnold@%1$s,,,,07,
      u2,active,2026-08-01,true,s1,student,wanda@%1$s,,Wanda,Li,,,,,,,07,
      u3,active,2026-08-01,true,s2,student,,,Carlos,Ramon,,,carlos@%1$s,,,,10,
      g1,active,2026-08-01,true,s1,guardian,,,Parent,Perlstein,,,parent@%1$s,,,,,
      """;
  private static final String CLASSES = """
      sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods
      c1,active,2026-08-01,Science 7A,07,,,scheduled,,s1,,Science,,1
      """;
  private static final String ENROLLMENTS = """
      sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate
      e1,active,2026-08-01,c1,s1,t1,teacher,true,,
      e2,active,2026-08-01,c1,s1,u1,student,false,,
      e3,active,2026-08-01,c1,s1,u2,student,false,,
      """;

  private String domain() {
    return organization() + ".test";
  }

  private byte[] oneRoster(String users, String enrollments) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("manifest.csv", "propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\n");
    files.put("orgs.csv", ORGS);
    files.put("users.csv", users.formatted(domain()));
    files.put("classes.csv", CLASSES);
    files.put("enrollments.csv", enrollments);
    files.put("demographics.csv", "sourcedId,status,dateLastModified,birthDate,sex\nu1,active,2026-08-01,2013-05-04,male\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        zip.putNextEntry(new ZipEntry("export/" + f.getKey()));
        zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private JsonNode upload(String query, String name, byte[] content) {
    var response = postFile("/api/v1/rosters" + query, name, content);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    return JSON.readTree(response.getBody());
  }

  @Test
  void aOneRosterExportIsCheckedImportedAndImportedAgainWithoutDuplicates() {
    byte[] export = oneRoster(USERS, ENROLLMENTS);
    JsonNode dry = upload("", "lincoln.zip", export);
    assertThat(dry.path("dryRun").asBoolean()).isTrue();
    assertThat(dry.path("applied").asBoolean()).isFalse();
    assertThat(dry.path("errors").isEmpty()).as(dry.toString()).isTrue();
    assertThat(dry.path("created").path("schools").asInt()).isEqualTo(2);
    assertThat(dry.path("created").path("people").asInt()).isEqualTo(4);
    assertThat(dry.path("created").path("classes").asInt()).isEqualTo(1);
    assertThat(dry.path("created").path("enrollments").asInt()).isEqualTo(2);
    assertThat(dry.path("skipped").path("users with role guardian").asInt()).isEqualTo(1);
    assertThat(accounts.findByEmail("arnold@" + domain())).as("a dry run keeps nothing").isEmpty();

    JsonNode applied = upload("?apply=true", "lincoln.zip", export);
    assertThat(applied.path("applied").asBoolean()).as(applied.toString()).isTrue();
    assertThat(applied.path("created")).isEqualTo(dry.path("created"));
    Account arnold = accounts.findByEmail("arnold@" + domain()).orElseThrow();
    assertThat(arnold.role()).isEqualTo(Role.STUDENT);
    assertThat(arnold.grade()).isEqualTo(7);
    assertThat(arnold.birthDate()).isEqualTo(LocalDate.of(2013, 5, 4));
    assertThat(accounts.findByEmail("wanda@" + domain())).as("the username is the email when email is empty").isPresent();
    OrganizationId org = arnold.organization();
    SchoolClass science = schools.classes(org, null).stream().filter(c -> c.name().equals("Science 7A")).findFirst().orElseThrow();
    assertThat(science.teacherName()).isEqualTo("Valerie Frizzle");
    assertThat(science.schoolName()).isEqualTo("Lincoln Middle School");
    assertThat(schools.roster(org, science.id())).hasSize(2).contains(arnold.id());

    JsonNode again = upload("?apply=true", "lincoln.zip", export);
    assertThat(again.path("created").path("people").asInt()).isZero();
    assertThat(again.path("unchanged").path("people").asInt()).isEqualTo(4);
    assertThat(again.path("unchanged").path("enrollments").asInt()).isEqualTo(2);
    assertThat(schools.classes(org, null).stream().filter(c -> c.name().equals("Science 7A")).count()).isEqualTo(1);

    // A renamed student and a dropped enrollment: updated, not duplicated.
    JsonNode changed = upload("?apply=true", "lincoln.zip", oneRoster(USERS.replace("Arnold,Perlstein", "Arnie,Perlstein"), ENROLLMENTS.replace("e3,active", "e3,tobedeleted")));
    assertThat(changed.path("updated").path("people").asInt()).isEqualTo(1);
    assertThat(changed.path("updated").path("enrollments removed").asInt()).isEqualTo(1);
    assertThat(accounts.findByEmail("arnold@" + domain()).orElseThrow().displayName()).isEqualTo("Arnie Perlstein");
    assertThat(schools.roster(org, science.id())).containsExactly(arnold.id());
  }

  @Test
  void anyErrorKeepsTheWholeImportOutAndNamesItsRow() {
    String users = USERS.formatted(domain()).replace("carlos@" + domain(), "") + "u9,active,2026-08-01,true,s9,student,,,Nobody,Here,,,nobody@" + domain() + ",,,,07,\n";
    byte[] export = oneRoster(users.replace("%", "%%"), ENROLLMENTS + "e9,active,2026-08-01,c9,s1,u1,student,false,,\n");
    // In an organization of its own, so that nothing another test imported is counted.
    JsonNode report = org.springframework.web.client.RestClient.create(url("")).post().uri("/api/v1/rosters?apply=true").header("Authorization", auth("rosters-broken"))
        .contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).body(multipart("broken.zip", export)).retrieve().body(JsonNode.class);
    assertThat(report.path("applied").asBoolean()).isFalse();
    assertThat(report.path("errors").valueStream().map(e -> e.path("file").asString() + ":" + e.path("line").asLong() + " " + e.path("message").asString()).toList())
        .anySatisfy(e -> assertThat(e).startsWith("users.csv:5 ").contains("No email for Carlos Ramon"))
        .anySatisfy(e -> assertThat(e).startsWith("users.csv:7 ").contains("School s9"))
        .anySatisfy(e -> assertThat(e).startsWith("enrollments.csv:5 ").contains("Class c9"));
    assertThat(report.path("created").path("schools").asInt()).as("the good rows were counted").isEqualTo(2);
    OrganizationId broken = organizations.findBySlug("rosters-broken").orElseThrow().id();
    assertThat(schools.schools(broken)).as("nothing of a failed import is kept, not even its good rows").isEmpty();
    assertThat(accounts.list(broken, Role.STUDENT, null)).isEmpty();
  }

  @Test
  void theSimpleCsvMakesSchoolsClassesAndPeople() {
    String csv = "email,name,role,school,class,grade,birth_date\n"
        + "teacher-csv@rosters-csv.test,Ms Teacher,teacher,Oak School,Math 5,,\n"
        + "kid-csv@rosters-csv.test,Kid One,student,Oak School,Math 5,5,2016-01-02\n"
        + "bad-csv@rosters-csv.test,Bad Role,principal,Oak School,,,\n";
    var response = org.springframework.web.client.RestClient.create(url("")).post().uri("/api/v1/rosters?apply=true").header("Authorization", auth("rosters-csv"))
        .contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).body(multipart("roster.csv", csv.getBytes(StandardCharsets.UTF_8)))
        .retrieve().body(JsonNode.class);
    assertThat(response.path("applied").asBoolean()).isFalse();
    assertThat(response.path("errors").path(0).path("line").asLong()).isEqualTo(4);
    assertThat(response.path("errors").path(0).path("message").asString()).contains("principal");
    var fixed = org.springframework.web.client.RestClient.create(url("")).post().uri("/api/v1/rosters?apply=true").header("Authorization", auth("rosters-csv"))
        .contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).body(multipart("roster.csv", csv.replace("principal", "admin").getBytes(StandardCharsets.UTF_8)))
        .retrieve().body(JsonNode.class);
    assertThat(fixed.path("applied").asBoolean()).as(fixed.toString()).isTrue();
    assertThat(fixed.path("created").path("people").asInt()).isEqualTo(3);
    assertThat(fixed.path("created").path("classes").asInt()).isEqualTo(1);
    assertThat(fixed.path("created").path("enrollments").asInt()).isEqualTo(1);
    assertThat(accounts.findByEmail("bad-csv@rosters-csv.test").orElseThrow().role()).isEqualTo(Role.ORG_ADMIN);
  }

  @Test
  void onlyAdminsImportAndAFileThatIsNoRosterIsRefused() {
    Caller teacher = member(organization(), Role.TEACHER, "roster-teacher");
    var refused = org.springframework.web.client.RestClient.create(url("")).post().uri("/api/v1/rosters").header("Authorization", "Bearer " + signIn(teacher))
        .contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).body(multipart("x.csv", "email,name,role\n".getBytes(StandardCharsets.UTF_8)))
        .retrieve().onStatus(s -> true, (req, res) -> {}).toEntity(String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    var notZip = postFile("/api/v1/rosters", "export.zip", "not a zip".getBytes(StandardCharsets.UTF_8));
    assertThat(notZip.getStatusCode().value()).isEqualTo(400);
    assertThat(notZip.getBody()).contains("ZIP");
    var noUsers = postFile("/api/v1/rosters?format=csv", "people.csv", "name,role\nA,student\n".getBytes(StandardCharsets.UTF_8));
    assertThat(noUsers.getStatusCode().value()).isEqualTo(400);
    assertThat(noUsers.getBody()).contains("no column email");
  }

  @Test
  void aSchoolOfFiveThousandIsImportedAndItsPeopleAreFoundAndPagedOnTheAdminPage() {
    StringBuilder csv = new StringBuilder("email,name,role,school,class,grade\n");
    for (int t = 0; t < 25; t++) csv.append("teacher").append(t).append("@big.test,Teacher ").append(t).append(",teacher,Big High,Homeroom ").append(t).append(",\n");
    for (int i = 0; i < 5000; i++) csv.append("student").append(i).append("@big.test,Student ").append(String.format("%04d", i)).append(",student,Big High,Homeroom ").append(i % 25).append(",9\n");
    long start = System.nanoTime();
    JsonNode report = org.springframework.web.client.RestClient.create(url("")).post().uri("/api/v1/rosters?apply=true").header("Authorization", auth("rosters-big"))
        .contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).body(multipart("big.csv", csv.toString().getBytes(StandardCharsets.UTF_8))).retrieve().body(JsonNode.class);
    System.out.printf("Roster of 5,025 people, 25 classes, 5,000 enrollments imported in %.1f s%n", (System.nanoTime() - start) / 1e9);
    assertThat(report.path("applied").asBoolean()).as(report.path("errors").toString()).isTrue();
    assertThat(report.path("created").path("people").asInt()).isEqualTo(5025);
    assertThat(report.path("created").path("enrollments").asInt()).isEqualTo(5000);

    var first = org.jsoup.Jsoup.parse(call("GET", "/admin", null, auth("rosters-big")).body());
    assertThat(first.select("#people tbody tr")).hasSize(50);
    assertThat(first.select("#people-heading").text()).contains("5026");
    assertThat(first.select("#people-pages").text()).contains("Page 1 of 101");
    var last = org.jsoup.Jsoup.parse(call("GET", "/admin?page=101", null, auth("rosters-big")).body());
    assertThat(last.select("#people tbody tr")).hasSize(26);
    var found = org.jsoup.Jsoup.parse(call("GET", "/admin?q=student4242%40", null, auth("rosters-big")).body());
    assertThat(found.select("#people tbody tr")).hasSize(1);
    assertThat(found.select("#people").text()).contains("Student 4242");
  }

  private static org.springframework.util.LinkedMultiValueMap<String, Object> multipart(String name, byte[] content) {
    org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
    parts.add("file", new org.springframework.core.io.ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    return parts;
  }
}
