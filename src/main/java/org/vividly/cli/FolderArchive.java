package org.vividly.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs a folder into a ZIP archive for upload. Hidden files are left out; links and files over the
 * size limit are left out too and listed, so the server's report can name them.
 */
final class FolderArchive {

  record Skipped(String file, String reason) {}

  record Archive(Path zip, int files, long bytes, List<Skipped> skipped) {}

  private FolderArchive() {}

  static Archive pack(Path folder, long maxFileBytes) throws IOException {
    Path zip = Files.createTempFile("vividly-upload-", ".zip");
    List<Skipped> skipped = new ArrayList<>();
    int files = 0;
    long bytes = 0;
    try (OutputStream os = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(os);
        Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.sorted().toList()) {
        Path relative = folder.relativize(file);
        if (relative.toString().isEmpty() || hidden(relative)) continue;
        String name = relative.toString().replace('\\', '/');
        if (Files.isSymbolicLink(file)) {
          skipped.add(new Skipped(name, "a symbolic link; links are not followed"));
          continue;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) continue;
        long size = Files.size(file);
        if (size > maxFileBytes) {
          skipped.add(new Skipped(name, String.format("the file is %.1f GB, over the %d MB upload limit", size / (double) (1L << 30), maxFileBytes >> 20)));
          continue;
        }
        out.putNextEntry(new ZipEntry(name));
        Files.copy(file, out);
        out.closeEntry();
        files++;
        bytes += size;
      }
    }
    return new Archive(zip, files, bytes, skipped);
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) if (part.toString().startsWith(".")) return true;
    return false;
  }
}
