package org.vividly.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emails the server "sent": with no mail server configured (the integration tests' default),
 * every message stays in the outbox table, and this reads their links back from it.
 */
public final class SentEmails {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SentEmails() {}

  /** Links of the messages to {@code email} still in the outbox, oldest first. */
  public static List<String> linksTo(String email) {
    List<String> links = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(TestDatabase.url(), "postgres", "");
        PreparedStatement s = c.prepareStatement("SELECT links::text FROM mail_message WHERE recipient = ? ORDER BY created_at, id")) {
      s.setString(1, email);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) links.addAll(JSON.readValue(rs.getString(1), new TypeReference<List<String>>() {}));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the outbox: " + e.getMessage(), e);
    }
    return links;
  }
}
