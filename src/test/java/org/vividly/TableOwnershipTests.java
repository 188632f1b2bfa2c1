package org.vividly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each module owns its tables: no SQL in one module's code names another module's table. The
 * owners are listed here; a table the changelogs create that is missing from the list fails the
 * test until it is given an owner.
 */
class TableOwnershipTests {

  private static final Map<String, String> OWNER = Map.ofEntries(
      Map.entry("organization", "tenancy"), Map.entry("school", "tenancy"), Map.entry("school_class", "tenancy"), Map.entry("enrollment", "tenancy"),
      Map.entry("app_user", "identity"), Map.entry("auth_session", "identity"), Map.entry("auth_refresh_used", "identity"), Map.entry("one_time_token", "identity"),
      Map.entry("signing_key", "identity"), Map.entry("user_preference_summary", "identity"), Map.entry("oidc_link", "identity"),
      Map.entry("mail_message", "notifications"), Map.entry("notification_preference", "notifications"), Map.entry("mail_schedule", "notifications"),
      Map.entry("privacy_audit", "privacy"), Map.entry("job_schedule_recurring", "jobs"), Map.entry("signup", "signup"), Map.entry("trial", "signup"), Map.entry("roster_source", "rosters"), Map.entry("billing_event", "billing"),
      Map.entry("source", "sources"), Map.entry("section", "sources"), Map.entry("chunk", "sources"), Map.entry("source_summary", "sources"),
      Map.entry("job", "jobs"), Map.entry("job_schedule_library", "jobs"), Map.entry("job_schedule_media", "jobs"),
      Map.entry("lesson", "lessons"),
      Map.entry("content_request", "requests"), Map.entry("cost_budget", "requests"), Map.entry("cost_alert", "requests"), Map.entry("content_request_stage", "requests"), Map.entry("modality_usage_summary", "requests"), Map.entry("scheduled_tasks", "requests"),
      Map.entry("media_file", "media"),
      Map.entry("plan", "quota"), Map.entry("quota_usage", "quota"), Map.entry("quota_reservation", "quota"),
      Map.entry("video", "videos"),
      Map.entry("collection", "collections"), Map.entry("collection_member", "collections"), Map.entry("collection_item", "collections"), Map.entry("collection_link", "collections"),
      Map.entry("conversation", "chat"), Map.entry("chat_message", "chat"),
      Map.entry("quiz_answer", "quiz"),
      Map.entry("event_publication", "spring-modulith"), Map.entry("spring_session", "spring-session"), Map.entry("spring_session_attributes", "spring-session"));

  private static final Pattern CREATED = Pattern.compile("(?i)CREATE\\s+(?:TABLE|VIEW|MATERIALIZED\\s+VIEW)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)");
  /** SQL keywords in capitals, as every query here writes them (prose such as "from source" is not SQL). */
  private static final Pattern NAMED = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|USING)\\s+(\\w+)");
  private static final Path SOURCES = Path.of("src/main/java/org/vividly");

  @Test
  void everyTableHasAnOwner() throws IOException {
    Set<String> created = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/changelog"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
        Matcher m = CREATED.matcher(Files.readString(f));
        while (m.find()) created.add(m.group(1).toLowerCase());
      }
    }
    assertThat(created).hasSizeGreaterThan(20);
    assertThat(OWNER.keySet()).containsAll(created);
  }

  @Test
  void noModuleNamesAnotherModulesTable() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Path relative = SOURCES.relativize(f);
        if (relative.getNameCount() < 2) continue;
        String module = relative.getName(0).toString();
        Matcher m = NAMED.matcher(Files.readString(f));
        while (m.find()) {
          String owner = OWNER.get(m.group(1).toLowerCase());
          if (owner != null && !owner.equals(module)) violations.add(relative + " names " + m.group(1) + " (owned by " + owner + ")");
        }
      }
    }
    assertThat(violations).isEmpty();
  }
}
