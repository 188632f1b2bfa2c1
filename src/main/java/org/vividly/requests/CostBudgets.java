package org.vividly.requests;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vividly.common.Forbidden;
import org.vividly.common.InvalidRequest;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.OrganizationId;

/**
 * An organization's monthly budget for what its content requests cost, and the alerts at 50, 75, 90
 * and 100% of it. Cost is the measured use of each request's stages priced by the price table
 * ({@code vividly.requests.prices.*}), summed over the calendar month (UTC) the request was made
 * in, the same month quotas count. Each threshold is raised once a month, when a finished request
 * (or a lowered budget) first takes the month's cost to it, and announced as {@link CostBudgetReached}.
 * Only admins see and set the budget.
 */
@Service
public class CostBudgets {

  /** Shares of the budget, in percent, at which admins are alerted. */
  public static final List<Integer> THRESHOLDS = List.of(50, 75, 90, 100);
  private static final BigDecimal MAX = new BigDecimal("1000000000");

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  CostBudgets(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /**
   * A month's budget and cost.
   *
   * @param monthlyUsd the budget in US dollars, or null when none is set
   * @param spentUsd what this month's requests cost so far, in US dollars
   * @param month the month's first day (UTC)
   * @param percentUsed spent as a percentage of the budget, or null without one
   * @param alerts the thresholds reached this month, lowest first
   */
  public record Budget(BigDecimal monthlyUsd, BigDecimal spentUsd, LocalDate month, Double percentUsed, List<Alert> alerts) {}

  /**
   * @param threshold percent of the budget reached: 50, 75, 90 or 100
   * @param spentUsd the month's cost when it was reached
   * @param budgetUsd the budget then
   */
  public record Alert(int threshold, BigDecimal spentUsd, BigDecimal budgetUsd, Instant reachedAt) {}

  /** @throws Forbidden unless the caller is an admin */
  public Budget budget(Caller caller) {
    requireAdmin(caller);
    return budget(caller.organization());
  }

  /**
   * Sets (or with null removes) the organization's monthly budget; thresholds this month's cost
   * already passes are alerted at once.
   *
   * @param monthlyUsd more than 0 and at most 1,000,000,000 US dollars, rounded to cents; null for none
   * @throws Forbidden unless the caller is an admin
   * @throws InvalidRequest when the amount is out of range
   */
  @Transactional
  public Budget setBudget(Caller caller, BigDecimal monthlyUsd) {
    requireAdmin(caller);
    OrganizationId org = caller.organization();
    if (monthlyUsd == null) {
      jdbc.sql("DELETE FROM cost_budget WHERE organization_id = ?").param(org.value()).update();
      return budget(org);
    }
    BigDecimal amount = monthlyUsd.setScale(2, RoundingMode.HALF_UP);
    if (amount.signum() <= 0 || amount.compareTo(MAX) > 0) throw new InvalidRequest("A monthly budget is more than 0 and at most 1,000,000,000 US dollars");
    jdbc.sql("INSERT INTO cost_budget (organization_id, monthly_usd) VALUES (?, ?) ON CONFLICT (organization_id) DO UPDATE SET monthly_usd = EXCLUDED.monthly_usd, updated_at = now()")
        .params(org.value(), amount)
        .update();
    check(org);
    return budget(org);
  }

  /**
   * Raises the thresholds this month's cost has reached and were not raised yet; called when a
   * request finishes. Safe from several servers at once: a threshold is stored once.
   *
   * @return the thresholds raised by this call
   */
  @Transactional
  public List<Alert> check(OrganizationId org) {
    BigDecimal monthly = monthly(org);
    if (monthly == null) return List.of();
    LocalDate month = month();
    BigDecimal spent = spent(org, month);
    List<Alert> raised = new ArrayList<>();
    for (int threshold : THRESHOLDS) {
      if (spent.multiply(BigDecimal.valueOf(100)).compareTo(monthly.multiply(BigDecimal.valueOf(threshold))) < 0) break;
      int inserted = jdbc.sql("INSERT INTO cost_alert (organization_id, month, threshold, spent_usd, budget_usd) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
          .params(org.value(), month, threshold, spent, monthly)
          .update();
      if (inserted == 1) {
        Alert alert = new Alert(threshold, spent, monthly, Instant.now());
        raised.add(alert);
        events.publishEvent(new CostBudgetReached(org, month, threshold, spent, monthly));
      }
    }
    return raised;
  }

  private Budget budget(OrganizationId org) {
    LocalDate month = month();
    BigDecimal monthly = monthly(org);
    BigDecimal spent = spent(org, month);
    List<Alert> alerts = jdbc.sql("SELECT threshold, spent_usd, budget_usd, reached_at FROM cost_alert WHERE organization_id = ? AND month = ? ORDER BY threshold")
        .params(org.value(), month)
        .query((rs, n) -> new Alert(rs.getInt("threshold"), rs.getBigDecimal("spent_usd"), rs.getBigDecimal("budget_usd"), rs.getTimestamp("reached_at").toInstant()))
        .list();
    Double percent = monthly == null ? null : spent.multiply(BigDecimal.valueOf(100)).divide(monthly, 2, RoundingMode.HALF_UP).doubleValue();
    return new Budget(monthly, spent, month, percent, alerts);
  }

  private BigDecimal monthly(OrganizationId org) {
    return jdbc.sql("SELECT monthly_usd FROM cost_budget WHERE organization_id = ?").param(org.value()).query(BigDecimal.class).optional().orElse(null);
  }

  private BigDecimal spent(OrganizationId org, LocalDate month) {
    return jdbc.sql("""
        SELECT coalesce(sum(s.cost_usd), 0) FROM content_request_stage s JOIN content_request r ON r.id = s.request_id
        WHERE r.organization_id = ? AND r.created_at >= ? AND r.created_at < ?""")
        .params(org.value(), month.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime(), month.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime())
        .query(BigDecimal.class)
        .single();
  }

  private static LocalDate month() {
    return org.vividly.quota.Quotas.period();
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.role().isAdmin()) throw new Forbidden("Only admins see and set the organization's budget");
  }
}
