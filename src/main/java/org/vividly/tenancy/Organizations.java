package org.vividly.tenancy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vividly.common.InvalidRequest;
import org.vividly.common.NotFound;
import tools.jackson.databind.json.JsonMapper;

/**
 * Organizations (tenants), their type and JSONB settings. Deleting one is a soft delete: its rows
 * stay for audits and retention, but nobody can sign in to it or find it.
 */
@Service
public class Organizations {

  /** The organization used by jobs that belong to no tenant (index recovery). */
  public static final String DEFAULT_SLUG = "default";
  /** The shared open library (OpenStax books, the demo documents) organizations may enable. */
  public static final String SHARED_LIBRARY_SLUG = "open-library";

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final String COLUMNS = "id, slug, name, type";

  private final JdbcClient jdbc;
  private final JsonMapper json;

  private final org.springframework.context.ApplicationEventPublisher events;

  Organizations(JdbcClient jdbc, JsonMapper json, org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.jdbc = jdbc;
    this.json = json;
  }

  public Optional<Organization> findBySlug(String slug) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE slug = ? AND deleted_at IS NULL").param(slug).query(Organizations::map).optional();
  }

  public Optional<Organization> find(OrganizationId id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE id = ? AND deleted_at IS NULL").param(id.value()).query(Organizations::map).optional();
  }

  public Organization get(OrganizationId id) {
    return find(id).orElseThrow(() -> new NotFound("Organization", id));
  }

  /**
   * Creates an organization with its type's default settings.
   *
   * @throws InvalidRequest for a bad name or slug, or a slug already taken
   */
  @Transactional
  public Organization create(String name, String slug, OrganizationType type) {
    String checkedName = Names.check("Organization name", name);
    if (slug == null || !SLUG.matcher(slug).matches()) {
      throw new InvalidRequest("Organization slug must be 1-63 lowercase letters, digits and dashes, starting with a letter or digit: " + Names.quote(slug));
    }
    try {
      jdbc.sql("INSERT INTO organization (id, slug, name, type, settings) VALUES (?, ?, ?, ?, ?::jsonb)")
          .params(UUID.randomUUID(), slug, checkedName, type.code(), json.writeValueAsString(type.defaults()))
          .update();
    } catch (DuplicateKeyException e) {
      throw new InvalidRequest("An organization with slug '" + slug + "' already exists");
    }
    return findBySlug(slug).orElseThrow();
  }

  /**
   * A free slug made from a name: "Écoles de Montréal — Nord" becomes {@code ecoles-de-montreal-nord},
   * or {@code ecoles-de-montreal-nord-2} when that is taken.
   *
   * @param fallback the slug's stem when the name has no letters or digits
   */
  public String freeSlug(String name, String fallback) {
    String base = name == null ? "" : java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (base.isEmpty()) base = fallback;
    if (base.length() > 56) base = base.substring(0, 56).replaceAll("-+$", "");
    String slug = base;
    for (int i = 2; findBySlug(slug).isPresent(); i++) slug = base + "-" + i;
    return slug;
  }

  /** The organization's email domains, lower case; none when not set. */
  public List<String> emailDomains(OrganizationId id) {
    String domains = jdbc.sql("SELECT email_domains::text FROM organization WHERE id = ?").param(id.value()).query(String.class).optional().orElse("[]");
    return json.readValue(domains, new tools.jackson.core.type.TypeReference<List<String>>() {});
  }

  /**
   * Sets the organization's email domains.
   *
   * @param domains host names such as {@code lincoln.k12.us}; at most 20
   * @throws InvalidRequest for something that is not a domain name
   */
  @Transactional
  public List<String> setEmailDomains(OrganizationId id, List<String> domains) {
    List<String> checked = new java.util.ArrayList<>();
    for (String d : domains == null ? List.<String>of() : domains) {
      String domain = d == null ? "" : d.strip().toLowerCase(java.util.Locale.ROOT);
      if (domain.startsWith("@")) domain = domain.substring(1);
      if (!domain.matches("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}")) throw new InvalidRequest("'" + d + "' is not an email domain such as lincoln.k12.us");
      if (!checked.contains(domain)) checked.add(domain);
    }
    if (checked.size() > 20) throw new InvalidRequest("An organization has at most 20 email domains");
    jdbc.sql("UPDATE organization SET email_domains = ?::jsonb WHERE id = ?").params(json.writeValueAsString(checked), id.value()).update();
    return checked;
  }

  /** The organization with this slug, created (as a single school) on first use. */
  @Transactional
  public Organization resolve(String slug) {
    if (slug == null || !SLUG.matcher(slug).matches()) {
      throw new InvalidRequest("Organization must be a slug of lowercase letters, digits and dashes: " + Names.quote(slug));
    }
    return findBySlug(slug)
        .orElseGet(
            () -> {
              jdbc.sql("INSERT INTO organization (id, slug, name, type, settings) VALUES (?, ?, ?, ?, ?::jsonb) ON CONFLICT (slug) DO NOTHING")
                  .params(UUID.randomUUID(), slug, slug, OrganizationType.SINGLE_SCHOOL.code(), json.writeValueAsString(OrganizationType.SINGLE_SCHOOL.defaults()))
                  .update();
              return findBySlug(slug).orElseThrow();
            });
  }

  public Organization defaultOrganization() {
    return resolve(DEFAULT_SLUG);
  }

  /** The shared open library's organization, created on first use. */
  @Transactional
  public Organization sharedLibrary() {
    return findBySlug(SHARED_LIBRARY_SLUG).orElseGet(() -> {
      try {
        return create("Vividly Open Library", SHARED_LIBRARY_SLUG, OrganizationType.NONPROFIT);
      } catch (InvalidRequest raced) {
        return findBySlug(SHARED_LIBRARY_SLUG).orElseThrow();
      }
    });
  }

  public List<Organization> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE deleted_at IS NULL ORDER BY slug").query(Organizations::map).list();
  }

  public OrganizationSettings settings(OrganizationId id) {
    String[] row = jdbc.sql("SELECT settings, type FROM organization WHERE id = ? AND deleted_at IS NULL").param(id.value())
        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).optional().orElseThrow(() -> new NotFound("Organization", id));
    if (row[0].isBlank() || row[0].equals("{}")) return OrganizationType.parse(row[1]).defaults();
    return json.readValue(row[0], OrganizationSettings.class);
  }

  @Transactional
  public OrganizationSettings updateSettings(OrganizationId id, OrganizationSettings settings) {
    int updated = jdbc.sql("UPDATE organization SET settings = ?::jsonb WHERE id = ? AND deleted_at IS NULL").params(json.writeValueAsString(settings), id.value()).update();
    if (updated == 0) throw new NotFound("Organization", id);
    return settings;
  }

  @Transactional
  public Organization rename(OrganizationId id, String name) {
    int updated = jdbc.sql("UPDATE organization SET name = ? WHERE id = ? AND deleted_at IS NULL").params(Names.check("Organization name", name), id.value()).update();
    if (updated == 0) throw new NotFound("Organization", id);
    return get(id);
  }

  /** Soft delete: the organization disappears from every lookup; its rows stay. */
  @Transactional
  public void delete(OrganizationId id) {
    int updated = jdbc.sql("UPDATE organization SET deleted_at = now() WHERE id = ? AND deleted_at IS NULL").param(id.value()).update();
    if (updated == 0) throw new NotFound("Organization", id);
    events.publishEvent(new OrganizationDeleted(id));
  }

  /**
   * The organizations whose libraries {@code id}'s people search: its own, and the shared open
   * library when its settings enable it.
   */
  public Set<OrganizationId> searchable(OrganizationId id) {
    Set<OrganizationId> libraries = new LinkedHashSet<>();
    libraries.add(id);
    if (settings(id).libraries().sharedLibrary()) {
      findBySlug(SHARED_LIBRARY_SLUG).ifPresent(shared -> libraries.add(shared.id()));
    }
    return libraries;
  }

  private static Organization map(ResultSet rs, int row) throws SQLException {
    return new Organization(new OrganizationId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3), OrganizationType.parse(rs.getString(4)));
  }
}
