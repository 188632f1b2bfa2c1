package org.vividly.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.util.LinkedMultiValueMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(
    name = "roster",
    description = {
      "Imports schools, classes, teachers, students and enrollments: a ZIP of OneRoster 1.1 CSV files, or a CSV with the columns email,name,role,school,class,grade,birth_date.",
      "A dry run (what would change, and every row that needs fixing) unless --apply. All or nothing. Admins only."
    })
class RosterCommand implements Callable<Integer> {

  @Mixin ClientOptions client;

  @Parameters(paramLabel = "FILE", description = "The roster: .zip (OneRoster) or .csv")
  Path file;

  @Option(names = "--format", paramLabel = "FORMAT", description = "oneroster or csv (default: from the file name)")
  String format;

  @Option(names = "--apply", description = "Import it (without this, nothing is kept)")
  boolean apply;

  @Option(names = "--invite", description = "Email an invitation to each person created")
  boolean invite;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) throw new IllegalArgumentException("No such file: " + file);
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new FileSystemResource(file));
    StringBuilder path = new StringBuilder("/api/v1/rosters?apply=").append(apply).append("&invite=").append(invite);
    if (format != null) path.append("&format=").append(java.net.URLEncoder.encode(format, java.nio.charset.StandardCharsets.UTF_8));
    JsonNode report = client.api().postMultipart(path.toString(), parts, JsonNode.class);
    boolean applied = report.path("applied").asBoolean();
    JsonNode errors = report.path("errors");
    System.out.println(applied ? "Imported:" : errors.isEmpty() ? "Dry run (nothing kept; add --apply to import):" : "Nothing was imported: " + errors.size() + " row(s) need fixing.");
    System.out.printf("  %-12s %8s %8s %10s%n", "", "created", "updated", "unchanged");
    for (Map.Entry<String, JsonNode> e : report.path("created").properties()) {
      System.out.printf("  %-12s %8d %8d %10d%n", e.getKey(), e.getValue().asInt(), report.path("updated").path(e.getKey()).asInt(0), report.path("unchanged").path(e.getKey()).asInt(0));
    }
    for (Map.Entry<String, JsonNode> e : report.path("skipped").properties()) System.out.printf("  left out: %d %s%n", e.getValue().asInt(), e.getKey());
    for (JsonNode e : errors) System.out.printf("  %s line %d: %s%n", e.path("file").asString(), e.path("line").asLong(), e.path("message").asString());
    return errors.isEmpty() ? 0 : 1;
  }
}
