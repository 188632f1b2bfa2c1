package org.vividly.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A fresh database on the real PostgreSQL server the machine runs (127.0.0.1:5432 by default, or
 * {@code VIVIDLY_TEST_POSTGRES} as {@code host:port}), created once per test JVM.
 */
public final class TestDatabase {

  private static final String SERVER = System.getenv().getOrDefault("VIVIDLY_TEST_POSTGRES", "127.0.0.1:5432");
  private static String url;

  private TestDatabase() {}

  public static synchronized String url() {
    if (url == null) url = create("vividly_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    return url;
  }

  /** Creates an empty database and returns its JDBC URL. */
  public static String create(String name) {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", "postgres", "")) {
      c.createStatement().execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Integration tests need PostgreSQL at " + SERVER + " (user postgres, trust auth). Start it, or set VIVIDLY_TEST_POSTGRES=host:port. " + e.getMessage(), e);
    }
    return "jdbc:postgresql://" + SERVER + "/" + name + "?stringtype=unspecified";
  }
}
