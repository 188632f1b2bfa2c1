package org.vividly.privacy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.vividly.tenancy.OrganizationId;
import org.vividly.tenancy.Role;

/** Who the people of an organization are, for the data rules: implemented by the module that keeps accounts. */
public interface People {

  /** The person's role, or empty when they are not (or no longer) a member of the organization. */
  Optional<Role> role(OrganizationId organization, UUID person);

  /** Every member with this role, however many. */
  List<UUID> withRole(OrganizationId organization, Role role);
}
