package org.vividly.identity.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.vividly.tenancy.OrganizationDeleted;

/** Ends every session of a deleted organization's people (replayed after a crash). */
@Component
class DeletedOrganizations {

  private final JdbcClient jdbc;

  DeletedOrganizations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @ApplicationModuleListener
  void on(OrganizationDeleted event) {
    jdbc.sql("UPDATE auth_session s SET revoked_at = now(), revoked_reason = 'organization deleted' FROM app_user u WHERE u.id = s.user_id AND u.organization_id = ? AND s.revoked_at IS NULL")
        .param(event.organization().value())
        .update();
  }
}
