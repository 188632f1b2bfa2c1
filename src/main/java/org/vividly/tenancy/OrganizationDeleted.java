package org.vividly.tenancy;

/** Published in the transaction that deletes an organization: its people's sessions end. */
public record OrganizationDeleted(OrganizationId organization) {}
