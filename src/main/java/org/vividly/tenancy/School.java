package org.vividly.tenancy;

import java.util.UUID;

/** A school inside an organization (a district has many; a single school has one). */
public record School(UUID id, OrganizationId organization, String name, int classes, int people) {}
