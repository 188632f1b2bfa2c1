package org.vividly.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vividly.media.internal.MediaObjects;
import org.vividly.tenancy.OrganizationId;

/**
 * Media files by name, stored by content. Rows of {@code media_file} name them per owner and
 * organization; the bytes sit behind the {@link MediaObjects} port under the SHA-256 of their
 * content (a folder under the data folder by default, S3-compatible object storage for several
 * servers), so identical content is stored once, and content is deleted when its last name is.
 * Storing the same name again with the same content changes nothing, so a retried render never
 * duplicates files.
 */
@Service
public class MediaStore {

  private static final Logger log = LoggerFactory.getLogger(MediaStore.class);

  private final JdbcClient jdbc;
  private final MediaObjects objects;

  MediaStore(JdbcClient jdbc, MediaObjects objects) {
    this.jdbc = jdbc;
    this.objects = objects;
  }

  /**
   * Moves {@code file} into the store under {@code name}; replaces an earlier file of that name.
   * The content is stored before its name is, so a name never points at missing content.
   */
  @Transactional
  public StoredMedia put(OrganizationId org, UUID owner, String name, Path file, String contentType) {
    try {
      String hash = sha256(file);
      long size = Files.size(file);
      objects.put(hash, file, contentType);
      Files.delete(file);
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

  /**
   * The file's content as a Spring {@link org.springframework.core.io.Resource} that MVC serves
   * with range requests: each read opens the content at the offset the range starts from.
   */
  public MediaResource resource(StoredMedia media) {
    return new MediaResource(media, objects);
  }

  /**
   * Whether other servers read this store (S3-compatible object storage): then work one server
   * queues, such as an upload waiting for its ingestion job, can be {@linkplain #stage staged} here
   * for whichever server runs it.
   */
  public boolean shared() {
    return objects.shared();
  }

  /**
   * Keeps a copy of {@code file} in the store under its SHA-256, named by nothing, until {@link
   * #unstage}: for a file that another server may need, such as an upload its ingestion job reads.
   * The file stays in place.
   *
   * @return the copy's content address, for {@link #fetchStaged} and {@link #unstage}
   */
  public String stage(Path file) {
    try {
      String hash = sha256(file);
      objects.put(hash, file, "application/octet-stream");
      return hash;
    } catch (IOException e) {
      throw MediaFailed.of("Could not stage " + file.getFileName(), e);
    }
  }

  /** Opens a staged copy. */
  public InputStream openStaged(String sha256) {
    try {
      return objects.open(sha256, 0);
    } catch (IOException e) {
      throw MediaFailed.of("Could not read the staged file " + sha256, e);
    }
  }

  /** Deletes a staged copy, unless a media file has the same content. */
  public void unstage(String sha256) {
    deleteIfUnused(sha256);
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
        objects.delete(hash);
      } catch (IOException e) {
        // A leftover is harmless: it is unreachable and reused if the same content returns.
        log.warn("Could not delete unused media {} from {}: {}", hash, objects.location(), e.getMessage());
      }
    }
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
