package org.vividly.requests;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.vividly.tenancy.OrganizationId;

/**
 * An organization's requests this month cost {@code threshold} percent of its monthly budget or
 * more, for the first time this month (see {@link CostBudgets}).
 *
 * @param month the month's first day (UTC)
 * @param threshold 50, 75, 90 or 100
 */
public record CostBudgetReached(OrganizationId organization, LocalDate month, int threshold, BigDecimal spentUsd, BigDecimal budgetUsd) {}
