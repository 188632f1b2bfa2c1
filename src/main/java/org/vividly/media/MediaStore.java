package org.vividly.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vividly.storage.StorageProperties;
import org.vividly.tenancy.OrganizationId;

/**
 * Content-addressed files under {@code <data-dir>/media/<first two hex digits>/<sha256>}. Rows of
 * {@code media_file} name them per owner and organization; identical content is stored once, and a
 * file is deleted when its last name is. Copies are written under {@code media/.partial} and moved
 * into place, so a reader never sees half a file. Storing the same name again with the same content changes
 * nothing, so a retried render never duplicates files.
 */
@Service
public class MediaStore {

  private final JdbcClient jdbc;
  private final Path root;
  private final Path partial;

  MediaStore(JdbcClient jdbc, StorageProperties storage) {
    this.jdbc = jdbc;
    this.root = storage.dataDir().resolve("media");
    this.partial = root.resolve(".partial");
  }

  /**
   * Removes copies a crashed server left half-written. They all sit in one folder, so start-up
   * never walks the store itself; nothing writes to the store before start-up ends.
   */
  @jakarta.annotation.PostConstruct
  void removePartialFiles() {
    if (!Files.isDirectory(partial)) return;
    try (var files = Files.list(partial)) {
      files.forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Leftovers are unreachable and harmless; the next start tries again.
    }
  }

  /** Moves {@code file} into the store under {@code name}; replaces an earlier file of that name. */
  @Transactional
  public StoredMedia put(OrganizationId org, UUID owner, String name, Path file, String contentType) {
    try {
      String hash = sha256(file);
      Path target = path(hash);
      Files.createDirectories(target.getParent());
      if (Files.exists(target)) {
        Files.delete(file);
      } else {
        Path copy = Files.createDirectories(partial).resolve(hash + "." + UUID.randomUUID());
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        try {
          Files.move(copy, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(copy, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.delete(file);
      }
      long size = Files.size(target);
      String previous = jdbc.sql("SELECT sha256 FROM media_file WHERE organization_id = ? AND owner_id = ? AND name = ?").params(org.value(), owner, name).query(String.class).optional().orElse(null);
      jdbc.sql("""
          INSERT INTO media_file (organization_id, owner_id, name, sha256, content_type, size_bytes) VALUES (?, ?, ?, ?, ?, ?)
          ON CONFLICT (owner_id, name) DO UPDATE SET sha256 = EXCLUDED.sha256, content_type = EXCLUDED.content_type, size_bytes = EXCLUDED.size_bytes""")
          .params(org.value(), owner, name, hash, contentType, size)
          .update();
      if (previous != null && !previous.equals(hash)) deleteIfUnused(previous);
      return new StoredMedia(owner, name, hash, contentType, size);
    } catch (IOException e) {
      throw MediaFailed.of("Could not store " + name, e);
    }
  }

  public Optional<StoredMedia> find(OrganizationId org, UUID owner, String name) {
    return jdbc.sql("SELECT owner_id AS owner, name, sha256, content_type, size_bytes FROM media_file WHERE organization_id = ? AND owner_id = ? AND name = ?")
        .params(org.value(), owner, name)
        .query(StoredMedia.class)
        .optional();
  }

  public List<StoredMedia> list(OrganizationId org, UUID owner) {
    return jdbc.sql("SELECT owner_id AS owner, name, sha256, content_type, size_bytes FROM media_file WHERE organization_id = ? AND owner_id = ? ORDER BY name")
        .params(org.value(), owner)
        .query(StoredMedia.class)
        .list();
  }

  /** Where the content lives on disk. */
  public Path path(StoredMedia media) {
    return path(media.sha256());
  }

  /** Deletes every file of an owner; content still named by another owner stays. */
  @Transactional
  public int deleteAll(OrganizationId org, UUID owner) {
    List<String> hashes = jdbc.sql("DELETE FROM media_file WHERE organization_id = ? AND owner_id = ? RETURNING sha256").params(org.value(), owner).query(String.class).list();
    hashes.stream().distinct().forEach(this::deleteIfUnused);
    return hashes.size();
  }

  private void deleteIfUnused(String hash) {
    Integer uses = jdbc.sql("SELECT count(*) FROM media_file WHERE sha256 = ?").param(hash).query(Integer.class).single();
    if (uses == 0) {
      try {
        Files.deleteIfExists(path(hash));
      } catch (IOException e) {
        // A leftover file is harmless: it is unreachable and replaced if the same content returns.
      }
    }
  }

  private Path path(String hash) {
    return root.resolve(hash.substring(0, 2)).resolve(hash);
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
