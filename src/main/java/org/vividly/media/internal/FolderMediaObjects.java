package org.vividly.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Content-addressed files under {@code <root>/<first two hex digits>/<sha256>}, the embedded
 * default. Copies are written under {@code <root>/.partial} and moved into place, so a reader
 * never sees half a file; {@link #removePartialFiles} clears what a crashed server left there.
 */
public final class FolderMediaObjects implements MediaObjects {

  private final Path root;
  private final Path partial;

  public FolderMediaObjects(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.partial = this.root.resolve(".partial");
  }

  /**
   * Removes copies a crashed server left half-written. They all sit in one folder, so start-up
   * never walks the store itself; nothing writes to the store before start-up ends.
   */
  public void removePartialFiles() {
    if (!Files.isDirectory(partial)) return;
    try (var files = Files.list(partial)) {
      files.forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Leftovers are unreachable and harmless; the next start tries again.
    }
  }

  @Override
  public boolean exists(String sha256) {
    return Files.isRegularFile(path(sha256));
  }

  @Override
  public void put(String sha256, Path file, String contentType) throws IOException {
    Path target = path(sha256);
    if (Files.exists(target)) return;
    Files.createDirectories(target.getParent());
    Path copy = Files.createDirectories(partial).resolve(sha256 + "." + UUID.randomUUID());
    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
    try {
      Files.move(copy, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(copy, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public OptionalLong size(String sha256) throws IOException {
    Path p = path(sha256);
    return Files.isRegularFile(p) ? OptionalLong.of(Files.size(p)) : OptionalLong.empty();
  }

  @Override
  public InputStream open(String sha256, long offset) throws IOException {
    SeekableByteChannel channel = Files.newByteChannel(path(sha256));
    try {
      channel.position(offset);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return Channels.newInputStream(channel);
  }

  @Override
  public void delete(String sha256) throws IOException {
    Files.deleteIfExists(path(sha256));
  }

  @Override
  public boolean shared() {
    return false;
  }

  @Override
  public String location() {
    return root.toString();
  }

  private Path path(String sha256) {
    MediaObjects.requireAddress(sha256);
    return root.resolve(sha256.substring(0, 2)).resolve(sha256);
  }
}
