package org.vividly.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Vividly keeps its files.
 *
 * @param dataDir root folder for the embedded database, the search index and media; created when
 *     missing. A relative one (the default {@code ./data}) is resolved once, against the folder the
 *     server started in: paths handed to engines that run in other folders (Festival, ffmpeg) must
 *     be absolute, or they point nowhere
 * @param embeddedPostgresPort TCP port of the embedded PostgreSQL on 127.0.0.1; 0 picks a free one
 */
@ConfigurationProperties("vividly.storage")
public record StorageProperties(
    @DefaultValue("./data") Path dataDir, @DefaultValue("0") int embeddedPostgresPort) {

  public StorageProperties {
    dataDir = dataDir.toAbsolutePath().normalize();
  }

  public Path postgresDir() {
    return dataDir.resolve("postgres");
  }

  public Path indexDir() {
    return dataDir.resolve("index");
  }
}
