package org.vividly.privacy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link PersonalData} for a module's table whose rows each belong to one person: exported as JSON
 * objects, erased by owner, and deleted by retention when older than the cutoff. A module names its
 * own table and columns; rows that hang off it (with {@code ON DELETE CASCADE}) go with them.
 */
public abstract class OwnedTable implements PersonalData {

  private final String name;
  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final String table;
  private final String owner;
  private final String time;
  private final String columns;

  /**
   * @param name the part's name in exports
   * @param table the table, with {@code organization_id} and the owner column
   * @param owner the column naming the person
   * @param time the column retention compares with the cutoff
   * @param columns what an export shows, as a select list over the table aliased {@code t}
   */
  protected OwnedTable(String name, JdbcClient jdbc, JsonMapper json, String table, String owner, String time, String columns) {
    this.name = name;
    this.jdbc = jdbc;
    this.json = json;
    this.table = table;
    this.owner = owner;
    this.time = time;
    this.columns = columns;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Map<String, Object>> export(org.vividly.tenancy.OrganizationId organization, UUID person) {
    return JsonRows.of(jdbc, json, "SELECT row_to_json(r)::text FROM (SELECT " + columns + " FROM " + table + " t WHERE t.organization_id = ? AND t." + owner + " = ? ORDER BY t." + time + ") r", organization.value(), person);
  }

  @Override
  public int erase(org.vividly.tenancy.OrganizationId organization, UUID person) {
    return jdbc.sql("DELETE FROM " + table + " WHERE organization_id = ? AND " + owner + " = ?").params(organization.value(), person).update();
  }

  @Override
  public int eraseBefore(org.vividly.tenancy.OrganizationId organization, Collection<UUID> people, Instant cutoff) {
    return jdbc.sql("DELETE FROM " + table + " WHERE organization_id = ? AND " + owner + " = ANY(?) AND " + time + " < ?").params(organization.value(), people.toArray(UUID[]::new), java.sql.Timestamp.from(cutoff)).update();
  }

  /** For a part that also deletes what it keeps elsewhere. */
  protected JdbcClient jdbc() {
    return jdbc;
  }
}
