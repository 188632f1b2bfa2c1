package org.vividly.sources;

import java.util.UUID;
import org.vividly.tenancy.OrganizationId;

/** Published after a source and all its chunks are gone from the database and the index. */
public record SourceDeleted(OrganizationId organization, UUID sourceId) {}
