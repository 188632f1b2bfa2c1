package org.vividly.identity.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vividly.privacy.JsonRows;
import org.vividly.privacy.People;
import org.vividly.privacy.PersonalData;
import org.vividly.tenancy.OrganizationId;
import org.vividly.tenancy.Role;
import tools.jackson.databind.json.JsonMapper;

/**
 * The account in the data rules: exported as the person sees it (never the password hash), and, on
 * erasure, anonymized rather than deleted (other records may still name its id) so it can never sign
 * in again; its sign-in sessions, tokens and linked school accounts go.
 */
@Component
class AccountRecords implements PersonalData, People {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  AccountRecords(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public String name() {
    return "account";
  }

  @Override
  public int order() {
    return Integer.MAX_VALUE;
  }

  @Override
  public Optional<Role> role(OrganizationId organization, UUID person) {
    return jdbc.sql("SELECT role FROM app_user WHERE id = ? AND organization_id = ? AND deleted_at IS NULL").params(person, organization.value()).query(String.class).optional().map(Role::parse);
  }

  @Override
  public List<UUID> withRole(OrganizationId organization, Role role) {
    return jdbc.sql("SELECT id FROM app_user WHERE organization_id = ? AND role = ? AND deleted_at IS NULL").params(organization.value(), role.code()).query(UUID.class).list();
  }

  @Override
  public List<Map<String, Object>> export(OrganizationId organization, UUID person) {
    return JsonRows.of(jdbc, json, """
        SELECT row_to_json(a)::text FROM (
          SELECT id, email, display_name, role, grade, school_id, plan_code, preferences, created_at, last_sign_in_at,
                 (SELECT coalesce(json_agg(json_build_object('issuer', l.issuer, 'email', l.email, 'linkedAt', l.created_at)), '[]'::json) FROM oidc_link l WHERE l.user_id = u.id) AS school_accounts,
                 (SELECT coalesce(json_agg(json_build_object('startedAt', s.created_at, 'userAgent', s.user_agent, 'revokedAt', s.revoked_at) ORDER BY s.created_at), '[]'::json) FROM auth_session s WHERE s.user_id = u.id) AS sign_ins
          FROM app_user u WHERE u.id = ? AND u.organization_id = ?) a""", person, organization.value());
  }

  @Override
  public int erase(OrganizationId organization, UUID person) {
    jdbc.sql("UPDATE auth_session SET revoked_at = coalesce(revoked_at, now()), revoked_reason = coalesce(revoked_reason, 'account erased'), ip = NULL, user_agent = NULL WHERE user_id = ?").param(person).update();
    int links = jdbc.sql("DELETE FROM oidc_link WHERE user_id = ?").param(person).update();
    int tokens = jdbc.sql("DELETE FROM one_time_token WHERE user_id = ?").param(person).update();
    int accounts = jdbc.sql("""
        UPDATE app_user SET email = 'erased-' || id || '@erased.invalid', display_name = 'Erased person', password_hash = NULL,
               preferences = '{}'::jsonb, grade = NULL, deleted_at = coalesce(deleted_at, now())
        WHERE id = ? AND organization_id = ?""").params(person, organization.value()).update();
    return accounts + links + tokens;
  }

  /** Accounts are not deleted by retention: only the records students made. */
  @Override
  public int eraseBefore(OrganizationId organization, Collection<UUID> people, Instant cutoff) {
    return 0;
  }
}
