package org.vividly.sources.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vividly.sources.SkippedFile;
import org.vividly.sources.internal.cnxml.CnxmlCollectionParser;

/**
 * Decides what a folder holds: OpenStax books (a folder with {@code collections/*.collection.xml}
 * and {@code modules/}) and single documents. Everything else is listed as skipped with a reason.
 */
final class IngestionPlanner {

  /** One thing to parse: a CNXML book (root and collection file) or a single document. */
  record Planned(Path root, Path file, String relativeName, String format) {}

  record Plan(List<Planned> planned, List<SkippedFile> skipped) {}

  private final long maxFileBytes;

  IngestionPlanner(long maxFileBytes) {
    this.maxFileBytes = maxFileBytes;
  }

  Plan plan(Path root) throws IOException {
    List<Planned> planned = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    Path base = root.toAbsolutePath().normalize();
    Files.walkFileTree(base, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        if (!dir.equals(base) && dir.getFileName().toString().startsWith(".")) return FileVisitResult.SKIP_SUBTREE;
        List<Path> collections = CnxmlCollectionParser.collections(dir);
        if (!collections.isEmpty()) {
          for (Path c : collections) planned.add(new Planned(dir, c, base.relativize(c).toString(), "cnxml"));
          return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        String name = base.relativize(file).toString();
        if (file.getFileName().toString().startsWith(".")) return FileVisitResult.CONTINUE;
        if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          skipped.add(new SkippedFile(name, "not a regular file (links are not followed)"));
          return FileVisitResult.CONTINUE;
        }
        Optional<String> format = file.getFileName().toString().equals("corpus.jsonl") ? Optional.of("beir") : DocumentParser.formatOf(file);
        if (format.isEmpty()) {
          skipped.add(new SkippedFile(name, "unknown format; Vividly reads " + DocumentParser.SUPPORTED));
        } else if (format.get().equals("text") && hasTimedTwin(file)) {
          skipped.add(new SkippedFile(name, "the same lecture's time-coded transcript (.vtt or .srt) beside it is used instead"));
        } else if (attrs.size() == 0) {
          skipped.add(new SkippedFile(name, "the file is empty"));
        } else if (attrs.size() > maxFileBytes) {
          skipped.add(new SkippedFile(name, tooLarge(attrs.size(), maxFileBytes)));
        } else {
          planned.add(new Planned(base, file, name, format.get()));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        skipped.add(new SkippedFile(base.relativize(file.toAbsolutePath().normalize()).toString(), "cannot read: " + e.getMessage()));
        return FileVisitResult.CONTINUE;
      }
    });
    return new Plan(planned, skipped);
  }

  static String tooLarge(long size, long limit) {
    return "the file is " + human(size) + ", over the " + human(limit) + " limit (vividly.sources.max-file-size)";
  }

  static String human(long bytes) {
    if (bytes >= 1L << 30) return String.format("%.1f GB", bytes / (double) (1L << 30));
    if (bytes >= 1L << 20) return String.format("%.0f MB", bytes / (double) (1L << 20));
    return String.format("%.0f KB", Math.max(1, bytes / 1024.0));
  }

  /** A plain-text transcript next to a WebVTT or SRT file of the same name adds nothing but duplicates. */
  private static boolean hasTimedTwin(Path file) {
    String base = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    return Files.exists(file.resolveSibling(base + ".vtt")) || Files.exists(file.resolveSibling(base + ".srt"));
  }
}
