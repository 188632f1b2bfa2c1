package org.vividly.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vividly.identity.Accounts;
import org.vividly.identity.NewAccount;
import org.vividly.tenancy.Organizations;
import org.vividly.tenancy.Role;

/**
 * On the first start (no super admin yet) creates one in the default organization, with the
 * configured password or a generated one printed once, so that a fresh installation can be run.
 */
@Component
class BootstrapAdmin {

  private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
  private final JdbcClient jdbc;
  private final Accounts accounts;
  private final Organizations organizations;
  private final SecurityProperties properties;

  BootstrapAdmin(JdbcClient jdbc, Accounts accounts, Organizations organizations, SecurityProperties properties) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.organizations = organizations;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  void createFirstAdmin() {
    long admins = jdbc.sql("SELECT count(*) FROM app_user WHERE role = 'super_admin' AND deleted_at IS NULL").query(Long.class).single();
    if (admins > 0 || accounts.findByEmail(properties.adminEmail()).isPresent()) return;
    boolean generated = properties.adminPassword().isBlank();
    String password = generated ? randomPassword() : properties.adminPassword();
    accounts.create(organizations.defaultOrganization().id(), new NewAccount(properties.adminEmail(), "Administrator", Role.SUPER_ADMIN, null, null, password, null));
    if (generated) {
      System.out.println("Created the super admin " + properties.adminEmail() + " with password " + password + "  (shown once; set vividly.security.admin-password to choose it)");
    } else {
      log.info("Created the super admin {}", properties.adminEmail());
    }
  }

  private static String randomPassword() {
    String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    java.security.SecureRandom random = new java.security.SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 16; i++) password.append(alphabet.charAt(random.nextInt(alphabet.length())));
    return password.toString();
  }
}
