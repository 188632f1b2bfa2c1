package org.vividly.requests;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.vividly.tenancy.OrganizationId;

/**
 * Published when a content request reaches {@code completed} or {@code failed}, after the state is
 * committed: for analytics, quotas and notifications.
 *
 * @param outcomes per modality asked for: completed, failed or unavailable
 */
public record ContentRequestFinished(OrganizationId organization, UUID requestId, String status, Map<String, String> outcomes, BigDecimal costUsd, long generationMs) {}
