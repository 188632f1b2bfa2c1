package org.vividly.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Starts an embedded PostgreSQL (zonky's binaries from Maven Central) when no JDBC URL is
 * configured. Its data directory survives restarts, so the library is still there tomorrow. The
 * server locks its data folder while it runs, and stops a PostgreSQL a server that died left
 * running on it before starting its own, so the first start after a crash succeeds.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedPostgresConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  /** Held for as long as this server runs: no second server may use the same data folder. */
  @Bean(destroyMethod = "close")
  DataFolderLock dataFolderLock(StorageProperties properties) throws IOException {
    return DataFolderLock.acquire(properties.dataDir());
  }

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(StorageProperties properties, DataFolderLock lock) throws IOException {
    Path dir = properties.postgresDir();
    Files.createDirectories(dir);
    // This server holds the data folder, so a PostgreSQL still running on it was left by one that
    // died (kill -9, a crash, a power cut): stop it, or it keeps the new one from starting.
    StalePostmaster.stop(dir);
    long started = System.nanoTime();
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(false)
            .setPort(properties.embeddedPostgresPort())
            // Recovery after a crash replays the write-ahead log before the server accepts connections.
            .setPGStartupWait(Duration.ofSeconds(120))
            .start();
    log.info(
        "Embedded PostgreSQL started on port {} with data in {} ({} ms)",
        postgres.getPort(),
        dir,
        (System.nanoTime() - started) / 1_000_000);
    return postgres;
  }

  @Bean
  DataSource dataSource(EmbeddedPostgres postgres) {
    try {
      HikariDataSource dataSource =
          DataSourceBuilder.create()
              .type(HikariDataSource.class)
              .url(postgres.getJdbcUrl("postgres", "postgres") + "&stringtype=unspecified")
              .username("postgres")
              .build();
      dataSource.setMaximumPoolSize(8);
      dataSource.setPoolName("vividly-embedded");
      return dataSource;
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new IOException("Cannot connect to the embedded PostgreSQL", e));
    }
  }
}
