package org.vividly.tenancy;

import java.util.Set;
import java.util.UUID;

/**
 * Whose requests and lessons a caller may see, inside their organization: everyone's for admins,
 * their own and their students' for teachers, their own for students.
 *
 * @param owners the people whose records may be seen; {@code null} means everyone in the organization
 */
public record Visibility(OrganizationId organization, UUID caller, Set<UUID> owners) {

  public static Visibility everyone(OrganizationId organization, UUID caller) {
    return new Visibility(organization, caller, null);
  }

  public boolean everyone() {
    return owners == null;
  }

  public boolean allows(UUID owner) {
    return owners == null || (owner != null && owners.contains(owner));
  }

  /** Owners as an array for {@code owner_id = ANY(?)}; only meaningful when not {@link #everyone()}. */
  public UUID[] ownerArray() {
    return owners == null ? new UUID[0] : owners.toArray(UUID[]::new);
  }
}
