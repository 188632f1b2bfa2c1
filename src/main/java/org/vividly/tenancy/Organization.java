package org.vividly.tenancy;

/** An organization: a school district, a school, a tutoring center, or one person's library. */
public record Organization(OrganizationId id, String slug, String name, OrganizationType type) {}
