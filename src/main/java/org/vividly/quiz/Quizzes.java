package org.vividly.quiz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.vividly.common.InvalidRequest;
import org.vividly.common.NotFound;
import org.vividly.identity.Account;
import org.vividly.identity.Accounts;
import org.vividly.lessons.Lesson;
import org.vividly.lessons.Lesson.CheckQuestion;
import org.vividly.lessons.Lesson.CitedSource;
import org.vividly.lessons.LessonNotFound;
import org.vividly.lessons.Lessons;
import org.vividly.quiz.internal.AnswerStore;
import org.vividly.quiz.internal.Grading;
import org.vividly.sources.Passage;
import org.vividly.sources.Sources;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.OrganizationId;
import org.vividly.tenancy.Organizations;
import org.vividly.tenancy.Role;
import org.vividly.tenancy.SchoolClass;
import org.vividly.tenancy.Schools;
import org.vividly.tenancy.Visibility;

/**
 * The one way in for quizzes, for the API, the pages and the CLI: answering a lesson's check
 * questions, a student's history, and section mastery per student and per class. Who may do what
 * is decided here (see the package docs), so that no endpoint can forget it.
 */
@Service
public class Quizzes {

  private final Lessons lessons;
  private final AnswerStore store;
  private final Schools schools;
  private final Accounts accounts;
  private final Sources sources;
  private final Organizations organizations;

  Quizzes(Lessons lessons, AnswerStore store, Schools schools, Accounts accounts, Sources sources, Organizations organizations) {
    this.lessons = lessons;
    this.store = store;
    this.schools = schools;
    this.accounts = accounts;
    this.sources = sources;
    this.organizations = organizations;
  }

  /**
   * Grades the caller's answer to one check question of their own lesson and stores it (an
   * exercise without a self-assessment only shows the solution, and stores nothing).
   *
   * @throws LessonNotFound when the lesson is not the caller's own, in their organization
   * @throws InvalidRequest when there is no such question, or the answer does not fit it
   */
  public Feedback answer(Caller caller, UUID lessonId, AnswerCommand command) {
    Lesson lesson = lessons.get(own(caller), lessonId);
    if (command.questionIndex() >= lesson.checkQuestions().size()) {
      throw new InvalidRequest("This lesson has " + lesson.checkQuestions().size() + " check questions: questionIndex must be 0 to " + (lesson.checkQuestions().size() - 1));
    }
    CheckQuestion question = lesson.checkQuestions().get(command.questionIndex());
    Grading.Grade grade = Grading.grade(question, command);
    if (grade.pending()) return feedback(caller.organization(), lesson, command.questionIndex(), grade.answer(), null, false, false, null);
    QuizAnswer saved = store.save(caller.organization(), caller.userId(), lessonId, command.questionIndex(), question.kind(), question.question(), grade.answer(), grade.correct(), grade.selfAssessed(), section(lesson, question));
    return feedback(caller.organization(), lesson, saved);
  }

  /** Whether the caller may answer this lesson's questions: it is their own. */
  public boolean answerable(Caller caller, UUID lessonId) {
    try {
      lessons.get(own(caller), lessonId);
      return true;
    } catch (LessonNotFound e) {
      return false;
    }
  }

  /** The caller's stored answers to a lesson, with their feedback, by question index. */
  public Map<Integer, Feedback> answers(Caller caller, Lesson lesson) {
    Map<Integer, Feedback> out = new LinkedHashMap<>();
    for (QuizAnswer a : store.forLesson(caller.organization(), caller.userId(), lesson.id())) {
      if (a.questionIndex() < lesson.checkQuestions().size()) out.put(a.questionIndex(), feedback(caller.organization(), lesson, a));
    }
    return out;
  }

  /** The caller's own answers, newest first. */
  public List<QuizAnswer> history(Caller caller, int limit) {
    return store.history(caller.organization(), caller.userId(), Math.clamp(limit, 1, 500));
  }

  /**
   * A student's sections: the caller's own, a teacher's student's, or anyone's in the organization
   * for an admin.
   *
   * @throws NotFound for anyone else, so that who exists is not revealed
   */
  public StudentMastery student(Caller caller, UUID studentId) {
    Visibility visibility = schools.visibility(caller);
    if (!visibility.allows(studentId)) throw new NotFound("Student", studentId);
    Account account = accounts.get(caller.organization(), studentId);
    return new StudentMastery(studentId, account.displayName(), sections(caller.organization(), List.of(studentId)).getOrDefault(studentId, List.of()));
  }

  /**
   * Every student of a class the caller manages (a class they teach; any for an admin), with their sections.
   *
   * @throws NotFound for any other class
   */
  public ClassMastery schoolClass(Caller caller, UUID classId) {
    SchoolClass found = schools.managed(caller, classId);
    List<UUID> roster = schools.roster(caller.organization(), classId);
    Map<UUID, String> names = new LinkedHashMap<>();
    for (Account a : accounts.list(caller.organization(), Role.STUDENT, Set.copyOf(roster))) names.put(a.id(), a.displayName());
    Map<UUID, List<SectionMastery>> sections = sections(caller.organization(), roster);
    List<StudentMastery> students = new ArrayList<>();
    for (UUID id : roster) {
      if (names.containsKey(id)) students.add(new StudentMastery(id, names.get(id), sections.getOrDefault(id, List.of())));
    }
    return new ClassMastery(found.id(), found.name(), students);
  }

  private Map<UUID, List<SectionMastery>> sections(OrganizationId org, List<UUID> students) {
    Map<UUID, List<SectionMastery>> out = new LinkedHashMap<>();
    for (AnswerStore.Tally t : store.tallies(org, students)) out.computeIfAbsent(t.student(), k -> new ArrayList<>()).add(t.mastery());
    return out;
  }

  private static Visibility own(Caller caller) {
    return new Visibility(caller.organization(), caller.userId(), Set.of(caller.userId()));
  }

  private Feedback feedback(OrganizationId org, Lesson lesson, QuizAnswer a) {
    return feedback(org, lesson, a.questionIndex(), a.answer(), a.correct(), a.selfAssessed(), true, a.answeredAt());
  }

  private Feedback feedback(OrganizationId org, Lesson lesson, int index, String answer, Boolean correct, boolean selfAssessed, boolean recorded, java.time.Instant at) {
    CheckQuestion q = lesson.checkQuestions().get(index);
    CitedSource cited = cited(lesson, q);
    Feedback.CitedPassage passage = cited == null ? null : new Feedback.CitedPassage(cited.number(), cited.passageId(), cited.sourceTitle(), cited.location(), passageText(org, cited));
    return new Feedback(index, q.kind(), answer, correct, selfAssessed, recorded, q.answer(), message(q, correct, selfAssessed), passage, section(lesson, q), at);
  }

  /** One sentence after the verdict ("Right!", "Not quite", which pages and the CLI show before it). */
  private static String message(CheckQuestion q, Boolean correct, boolean selfAssessed) {
    if (correct == null) return "Compare your answer with the solution, then mark whether you got it.";
    if (selfAssessed) return correct ? "You marked it right. Well done." : "You marked it missed. Read the solution and the passage again.";
    return correct ? "\u201c" + q.answer() + "\u201d is the answer." : "The answer is \u201c" + q.answer() + "\u201d. The passage it comes from is below.";
  }

  /** The question's first citation, or null when it has none. */
  private static CitedSource cited(Lesson lesson, CheckQuestion q) {
    for (Integer n : q.citations()) {
      if (n != null && n >= 1 && n <= lesson.citations().size()) return lesson.citations().get(n - 1);
    }
    return null;
  }

  /** The section a question is counted in: its first citation's heading path, else the lesson's title. */
  static String section(Lesson lesson, CheckQuestion q) {
    CitedSource c = cited(lesson, q);
    if (c == null || c.headingPath().isEmpty()) return lesson.title() == null ? lesson.question() : lesson.title();
    return String.join(" > ", c.headingPath());
  }

  /** The passage's text from the libraries the organization reads, or its opening words when it is gone. */
  private String passageText(OrganizationId org, CitedSource c) {
    Set<OrganizationId> libraries = new LinkedHashSet<>();
    libraries.add(org);
    libraries.addAll(organizations.searchable(org));
    for (OrganizationId library : libraries) {
      Optional<Passage> p = sources.findPassage(library, c.passageId());
      if (p.isPresent()) return p.get().text();
    }
    return c.snippet();
  }
}
