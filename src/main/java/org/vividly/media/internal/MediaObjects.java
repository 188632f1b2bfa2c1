package org.vividly.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Port to where the bytes of media files live, addressed by the SHA-256 of their content (64
 * lowercase hex digits). {@link org.vividly.media.MediaStore} keeps the names, owners and
 * organizations in PostgreSQL and hands this port only content addresses, so every adapter stores
 * identical content once. The embedded default is {@link FolderMediaObjects}; {@link
 * S3MediaObjects} keeps them in S3-compatible object storage, which several servers share.
 *
 * <p>Every adapter passes {@code MediaObjectsContract}.
 */
public interface MediaObjects {

  /** Whether content with this address is stored. */
  boolean exists(String sha256) throws IOException;

  /**
   * Stores the bytes of {@code file} under {@code sha256}, which must be their SHA-256. A reader
   * sees either nothing or the whole file, never part of it. Storing an address again changes
   * nothing. {@code file} is left in place.
   */
  void put(String sha256, Path file, String contentType) throws IOException;

  /** Size in bytes, or empty when nothing is stored under the address. */
  OptionalLong size(String sha256) throws IOException;

  /**
   * Opens the content from byte {@code offset} (0-based) to its end.
   *
   * @throws java.nio.file.NoSuchFileException when nothing is stored under the address
   */
  InputStream open(String sha256, long offset) throws IOException;

  /** Deletes the content; nothing happens when none is stored. */
  void delete(String sha256) throws IOException;

  /** Where the content lives, for logs and the health page: a folder or {@code s3://bucket/prefix}. */
  String location();

  /** Whether other servers read the same content (object storage), not just this one (a local folder). */
  boolean shared();

  /**
   * Checks that {@code sha256} is a content address (64 lowercase hex digits), so no adapter ever
   * builds a path or key from anything else.
   *
   * @throws IllegalArgumentException when it is not
   */
  static String requireAddress(String sha256) {
    if (!sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("Not a SHA-256 content address: " + sha256);
    return sha256;
  }
}
