package org.vividly.identity.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vividly.tenancy.OrganizationId;
import org.vividly.tenancy.People;
import org.vividly.tenancy.Role;

/** {@link People} from the {@code app_user} table. */
@Component
class PeopleDirectory implements People {

  private final JdbcClient jdbc;

  PeopleDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<UUID, Person> find(OrganizationId organization, Collection<UUID> ids) {
    Map<UUID, Person> out = new HashMap<>();
    if (ids.isEmpty()) return out;
    jdbc.sql("SELECT id, role, school_id, display_name FROM app_user WHERE organization_id = ? AND id = ANY(?) AND deleted_at IS NULL")
        .params(organization.value(), ids.toArray(UUID[]::new))
        .query((rs, i) -> out.put(rs.getObject(1, UUID.class), new Person(rs.getObject(1, UUID.class), Role.parse(rs.getString(2)), rs.getObject(3, UUID.class), rs.getString(4))))
        .list();
    return out;
  }

  @Override
  public List<UUID> staff(OrganizationId organization) {
    return jdbc.sql("SELECT id FROM app_user WHERE organization_id = ? AND role IN ('teacher', 'org_admin') AND deleted_at IS NULL").param(organization.value()).query(UUID.class).list();
  }

  @Override
  public Map<UUID, Integer> perSchool(OrganizationId organization) {
    Map<UUID, Integer> out = new HashMap<>();
    jdbc.sql("SELECT school_id, count(*) FROM app_user WHERE organization_id = ? AND school_id IS NOT NULL AND deleted_at IS NULL GROUP BY school_id")
        .param(organization.value())
        .query((rs, i) -> out.put(rs.getObject(1, UUID.class), rs.getInt(2)))
        .list();
    return out;
  }
}
