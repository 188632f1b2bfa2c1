package org.vividly.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;
import org.vividly.support.TestDatabase;

/** Every migration runs forward, rolls back and runs forward again on real PostgreSQL. */
class MigrationsIT {

  @Test
  void migrationsRollBackCleanlyAndRunAgain() throws Exception {
    String url = TestDatabase.create("vividly_migrations_" + System.nanoTime());
    try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
      Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
      try (Liquibase liquibase = new Liquibase("db/changelog/db.changelog-master.yaml", new ClassLoaderResourceAccessor(), database)) {
        liquibase.update("");
        assertThat(tables(connection)).contains("organization", "source", "section", "chunk", "job", "lesson");
        int changeSets = liquibase.getDatabaseChangeLog().getChangeSets().size();
        liquibase.rollback(changeSets, "");
        assertThat(tables(connection)).doesNotContain("organization", "source", "section", "chunk", "job", "lesson");
        liquibase.update("");
        assertThat(tables(connection)).contains("organization", "source", "section", "chunk", "job", "lesson");
      }
    }
  }

  private static java.util.List<String> tables(Connection connection) throws Exception {
    java.util.List<String> names = new java.util.ArrayList<>();
    try (ResultSet rs = connection.createStatement().executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
      while (rs.next()) names.add(rs.getString(1));
    }
    return names;
  }
}
