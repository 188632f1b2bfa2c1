package org.vividly.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vividly.tenancy.OrganizationId;

/**
 * A module's records about people, for export, erasure and retention. Implemented by each module
 * that keeps such records (requests, lessons, chat, quiz), over its own tables only.
 */
public interface PersonalData {

  /** The name of this part of an export, for example {@code requests}: a file {@code <name>.json} in the ZIP. */
  String name();

  /** Erasure runs parts in this order, lowest first; the account itself goes last. */
  default int order() {
    return 0;
  }

  /** Everything about the person, as JSON objects. */
  List<Map<String, Object>> export(OrganizationId organization, UUID person);

  /** Writes the person's media files (for example narrated audio) into an export. */
  default void exportFiles(OrganizationId organization, UUID person, Files files) throws IOException {}

  /**
   * Deletes everything about the person.
   *
   * @return the records deleted
   */
  int erase(OrganizationId organization, UUID person);

  /**
   * Deletes the records of these people made before {@code cutoff}.
   *
   * @return the records deleted
   */
  int eraseBefore(OrganizationId organization, Collection<UUID> people, Instant cutoff);

  /** Where an export's files go. */
  interface Files {
    /** @param path a relative path inside the export, for example {@code requests/<id>/lesson.mp4} */
    void put(String path, InputStream content) throws IOException;
  }
}
