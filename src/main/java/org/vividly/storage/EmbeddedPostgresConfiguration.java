package org.vividly.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * configured. Its data directory survives restarts, so the library is still there tomorrow.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedPostgresConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(StorageProperties properties) throws IOException {
    Path dir = properties.postgresDir();
    Files.createDirectories(dir);
    long started = System.nanoTime();
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(false)
            .setPort(properties.embeddedPostgresPort())
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
