package org.vividly.sources;

import java.util.UUID;
import org.vividly.tenancy.OrganizationId;

/** Published after a source's new or changed sections are stored and searchable. */
public record SourceIngested(OrganizationId organization, UUID sourceId, String title, int sectionsChanged, int chunksAdded) {}
