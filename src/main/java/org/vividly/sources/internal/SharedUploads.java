package org.vividly.sources.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import org.vividly.jobs.JobFailed;
import org.vividly.media.MediaStore;
import org.vividly.storage.StorageProperties;

/**
 * Uploads that whichever server runs their job can read. A job's data names its upload folder
 * ({@code dir}) on the server that received it; with a {@linkplain MediaStore#shared shared} media
 * store (object storage), that server packs the folder into a ZIP, stages it there ({@code
 * staged}, its content address) and deletes its own copy, and the server that runs the job unpacks
 * it into a folder of the same name under its own data folder. With the embedded store everything
 * stays in the one server's folder, as before.
 */
@Component
public class SharedUploads {

  private final MediaStore media;
  private final Path uploads;
  private final UploadLimits limits;

  SharedUploads(MediaStore media, StorageProperties storage, SourcesProperties properties) {
    this.media = media;
    this.uploads = storage.dataDir().resolve("uploads");
    this.limits = properties.uploadLimits();
  }

  /** Job data for an upload folder: {@code dir}, and {@code staged} when the store is shared. */
  public Map<String, String> share(Path dir) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("dir", dir.toAbsolutePath().toString());
    if (!media.shared()) return data;
    Path zip = dir.resolveSibling(dir.getFileName() + ".zip");
    try {
      pack(dir, zip);
      data.put("staged", media.stage(zip));
      FileSystemUtils.deleteRecursively(dir);
      return data;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not pack the upload for the other servers", e);
    } finally {
      try {
        Files.deleteIfExists(zip);
      } catch (IOException ignored) {
        // A leftover ZIP beside the uploads is harmless.
      }
    }
  }

  /**
   * The upload's folder on this server: {@code uploads/<the named folder's name>} under this
   * server's own data folder (never another server's path), unpacked there from the staged ZIP
   * when it is not there yet.
   *
   * @throws JobFailed when it is neither here nor staged
   */
  public Path open(Map<String, String> data) {
    Path local = local(data);
    if (Files.isDirectory(local)) return local;
    String staged = data.get("staged");
    if (staged == null) throw new JobFailed("The upload is no longer on this server; send it again.");
    try {
      FileSystemUtils.deleteRecursively(local);
      Files.createDirectories(local);
      try (InputStream in = media.openStaged(staged)) {
        Uploads.extract(in, local, limits);
      }
      return local;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not unpack the staged upload " + staged, e);
    }
  }

  /** Deletes this server's folder of the upload and its staged copy. */
  public void release(Map<String, String> data) {
    try {
      FileSystemUtils.deleteRecursively(local(data));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (data.containsKey("staged")) media.unstage(data.get("staged"));
  }

  private Path local(Map<String, String> data) {
    String dir = data.get("dir");
    if (dir == null) throw new IllegalStateException("The job names no upload folder");
    return uploads.resolve(Path.of(dir).getFileName());
  }

  private static void pack(Path dir, Path zip) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip); var z = new ZipOutputStream(out); var files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        z.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, z);
        z.closeEntry();
      }
    }
  }
}
