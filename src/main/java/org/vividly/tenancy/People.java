package org.vividly.tenancy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The people of an organization as schools and classes need them. The identity module owns
 * accounts and implements this port, so tenancy never reads identity's tables.
 */
public interface People {

  /** A person who has not been deleted. */
  record Person(UUID id, Role role, UUID schoolId, String displayName) {}

  /** The people among {@code ids} who belong to the organization and have not been deleted, by id. */
  Map<UUID, Person> find(OrganizationId organization, Collection<UUID> ids);

  /** Teachers and organization admins. */
  List<UUID> staff(OrganizationId organization);

  /** How many people each school has, by school id (schools without people are absent). */
  Map<UUID, Integer> perSchool(OrganizationId organization);
}
