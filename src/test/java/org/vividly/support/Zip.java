package org.vividly.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds ZIP uploads in memory. */
public final class Zip {

  private Zip() {}

  public static byte[] of(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** All files under a folder, named relative to it, plus extra entries. */
  public static Map<String, byte[]> folder(Path root, Map<String, byte[]> into) {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) into.put(root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return into;
  }
}
