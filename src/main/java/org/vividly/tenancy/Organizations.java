package org.vividly.tenancy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vividly.common.InvalidRequest;

/** Looks up and creates organizations. */
@Service
public class Organizations {

  public static final String DEFAULT_SLUG = "default";
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private final JdbcClient jdbc;

  Organizations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Organization> findBySlug(String slug) {
    return jdbc.sql("SELECT id, slug, name FROM organization WHERE slug = ? AND deleted_at IS NULL")
        .param(slug)
        .query((rs, i) -> new Organization(new OrganizationId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3)))
        .optional();
  }

  /** The organization with this slug, created on first use. */
  @Transactional
  public Organization resolve(String slug) {
    if (slug == null || !SLUG.matcher(slug).matches()) {
      throw new InvalidRequest("Organization must be a slug of lowercase letters, digits and dashes: " + slug);
    }
    return findBySlug(slug)
        .orElseGet(
            () -> {
              jdbc.sql("INSERT INTO organization (id, slug, name) VALUES (?, ?, ?) ON CONFLICT (slug) DO NOTHING")
                  .params(UUID.randomUUID(), slug, slug)
                  .update();
              return findBySlug(slug).orElseThrow();
            });
  }

  public Organization defaultOrganization() {
    return resolve(DEFAULT_SLUG);
  }

  public List<Organization> all() {
    return jdbc.sql("SELECT id, slug, name FROM organization WHERE deleted_at IS NULL ORDER BY slug")
        .query((rs, i) -> new Organization(new OrganizationId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3)))
        .list();
  }
}
