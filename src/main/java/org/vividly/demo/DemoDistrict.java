package org.vividly.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vividly.identity.Account;
import org.vividly.identity.Accounts;
import org.vividly.identity.NewAccount;
import org.vividly.requests.ContentRequestCommand;
import org.vividly.requests.ContentRequests;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Organization;
import org.vividly.tenancy.OrganizationType;
import org.vividly.tenancy.Organizations;
import org.vividly.tenancy.Role;
import org.vividly.tenancy.School;
import org.vividly.tenancy.SchoolClass;
import org.vividly.tenancy.Schools;

/**
 * The demo school district: Davidson County Metro Schools with Hillsboro High School and Early
 * College High School, 3 admins, 7 teachers, 35 students, classes with topics, students' interests
 * and, once the demo library is indexed, some lessons they asked for. Seeding happens once; a
 * restart finds the district and leaves it alone.
 */
@Component
public class DemoDistrict {

  public static final String SLUG = "davidson-county";
  public static final String PASSWORD = "vividly-demo";
  /** One sign-in per role, printed by {@code ./vividly demo}. */
  public static final Map<String, String> SIGN_INS = new LinkedHashMap<>();

  static {
    SIGN_INS.put("super admin", "admin@vividly.local");
    SIGN_INS.put("org admin", "maria.alvarez@dcms.example.org");
    SIGN_INS.put("teacher", "james.carter@dcms.example.org");
    SIGN_INS.put("student", "ava.thompson@students.dcms.example.org");
  }

  private static final Logger log = LoggerFactory.getLogger(DemoDistrict.class);
  private static final String[][] ADMINS = {{"Maria", "Alvarez"}, {"Robert", "Nguyen"}, {"Denise", "Okafor"}};
  private static final String[][] TEACHERS = {
    {"James", "Carter", "Physics"}, {"Linda", "Park", "Biology"}, {"Samuel", "Brooks", "Chemistry"}, {"Priya", "Raman", "Mathematics"},
    {"Olivia", "Grant", "Earth Science"}, {"Hector", "Morales", "Environmental Science"}, {"Grace", "Kim", "Physical Science"}
  };
  private static final String[] FIRST = {"Ava", "Liam", "Sofia", "Noah", "Mia", "Elijah", "Isabella", "Lucas", "Amara", "Mateo", "Chloe", "Jayden", "Zoe", "Ethan", "Layla", "Caleb", "Nora", "Diego", "Harper", "Isaiah", "Aaliyah", "Owen", "Camila", "Wyatt", "Leah", "Gabriel", "Hannah", "Julian", "Ruby", "Xavier", "Maya", "Adrian", "Stella", "Kai", "Naomi"};
  private static final String[] LAST = {"Thompson", "Johnson", "Martinez", "Williams", "Davis", "Brown", "Garcia", "Wilson", "Moore", "Taylor", "Anderson", "Thomas", "Jackson", "White", "Harris", "Martin", "Lee", "Walker", "Hall", "Allen", "Young", "King", "Wright", "Lopez", "Hill", "Scott", "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Perez", "Roberts", "Turner"};
  private static final String[][] INTERESTS = {{"basketball", "music"}, {"soccer"}, {"video games", "drawing"}, {"cooking"}, {"skateboarding", "photography"}, {"dance"}, {"football", "cars"}, {"gardening", "animals"}, {"space"}, {"baseball", "coding"}};
  private static final String[][] CLASSES = {
    // teacher index, school index, name, grade, topics
    {"0", "0", "Physics 1", "11", "motion,acceleration,falling objects"},
    {"1", "0", "Biology", "10", "photosynthesis,cells"},
    {"2", "1", "Chemistry", "11", "atoms,reactions"},
    {"3", "0", "Algebra I", "9", "fractions,equations"},
    {"4", "1", "Earth Science", "9", "water cycle,weather"},
    {"5", "1", "Environmental Science", "12", "ecosystems,water cycle"},
    {"6", "0", "Physical Science", "9", "motion,energy"}
  };
  private static final String[][] HISTORY = {
    {"0", "Why does a ball thrown up slow down?"}, {"1", "What is photosynthesis?"}, {"2", "How does the water cycle work?"}, {"3", "How do I add fractions with different denominators?"},
    {"4", "What happens to a falling object in a vacuum?"}, {"5", "Where does the energy for photosynthesis come from?"}, {"6", "What is evaporation?"}, {"7", "How do you compare fractions?"}
  };

  private final Organizations organizations;
  private final Schools schools;
  private final Accounts accounts;
  private final ContentRequests requests;

  DemoDistrict(Organizations organizations, Schools schools, Accounts accounts, ContentRequests requests) {
    this.organizations = organizations;
    this.schools = schools;
    this.accounts = accounts;
    this.requests = requests;
  }

  /** Creates the district unless it exists; returns it. */
  @Transactional
  public Organization seed() {
    var existing = organizations.findBySlug(SLUG);
    if (existing.isPresent()) return existing.get();
    long start = System.nanoTime();
    Organization district = organizations.create("Davidson County Metro Schools", SLUG, OrganizationType.K12_DISTRICT);
    List<School> campuses = List.of(schools.createSchool(district.id(), "Hillsboro High School"), schools.createSchool(district.id(), "Early College High School"));
    // Every demo account has the same password: hash it once (bcrypt cost 12 takes ~0.25 s a hash).
    String hash = accounts.hash(PASSWORD);
    for (String[] a : ADMINS) {
      accounts.create(district.id(), new NewAccount(email(a[0], a[1], "dcms.example.org"), a[0] + " " + a[1], Role.ORG_ADMIN, null, null, null, null), hash);
    }
    List<Account> teachers = new ArrayList<>();
    for (int i = 0; i < TEACHERS.length; i++) {
      String[] t = TEACHERS[i];
      teachers.add(accounts.create(district.id(), new NewAccount(email(t[0], t[1], "dcms.example.org"), t[0] + " " + t[1], Role.TEACHER, campuses.get(Integer.parseInt(CLASSES[i][1])).id(), null, null, null), hash));
    }
    List<Account> students = new ArrayList<>();
    for (int i = 0; i < FIRST.length; i++) {
      int grade = 9 + i % 4;
      Account student = accounts.create(district.id(), new NewAccount(email(FIRST[i], LAST[i], "students.dcms.example.org"), FIRST[i] + " " + LAST[i], Role.STUDENT, campuses.get(i % 2).id(), grade, null, List.of(INTERESTS[i % INTERESTS.length])), hash);
      students.add(accounts.setPreferences(district.id(), student.id(), student.interests(), i % 3 == 0 ? "video" : "text"));
    }
    for (int c = 0; c < CLASSES.length; c++) {
      String[] k = CLASSES[c];
      SchoolClass created = schools.createClass(district.id(), campuses.get(Integer.parseInt(k[1])).id(), teachers.get(Integer.parseInt(k[0])).id(), k[2], TEACHERS[c][2], Integer.parseInt(k[3]), List.of(k[4].split(",")));
      // Ten students a class; every student is in two classes.
      for (int s = 0; s < 10; s++) schools.enroll(district.id(), created.id(), students.get((c * 5 + s) % students.size()).id());
    }
    log.info("Seeded the demo district {} in {} ms", district.name(), (System.nanoTime() - start) / 1_000_000);
    return district;
  }

  /** Some lessons students asked for, once the demo library is searchable. */
  public void learningHistory(Organization district) {
    List<Account> students = accounts.list(district.id(), Role.STUDENT, null);
    if (students.isEmpty()) return;
    for (String[] h : HISTORY) {
      Account student = students.stream().filter(s -> s.email().startsWith(FIRST[Integer.parseInt(h[0])].toLowerCase() + ".")).findFirst().orElse(students.get(0));
      Caller caller = new Caller(student.id(), district.id(), Role.STUDENT, student.email(), student.displayName(), null);
      if (!requests.recent(new org.vividly.tenancy.Visibility(district.id(), student.id(), java.util.Set.of(student.id())), 1).isEmpty()) continue;
      requests.create(caller, ContentRequestCommand.of(h[1], student.grade() == null ? 9 : student.grade(), student.interests(), null, List.of("text"), null, null, null, null, null));
    }
  }

  private static String email(String first, String last, String domain) {
    return (first + "." + last).toLowerCase() + "@" + domain;
  }

}
