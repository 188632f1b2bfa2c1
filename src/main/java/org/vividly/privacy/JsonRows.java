package org.vividly.privacy;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads records for an export: a query whose one column is a JSON object per row ({@code row_to_json(...)::text}). */
public final class JsonRows {

  private JsonRows() {}

  public static List<Map<String, Object>> of(JdbcClient jdbc, JsonMapper json, String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(String.class).list().stream().map(r -> json.readValue(r, new TypeReference<Map<String, Object>>() {})).toList();
  }
}
