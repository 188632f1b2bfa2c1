package org.vividly.quota;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.vividly.common.Forbidden;
import org.vividly.common.InvalidRequest;
import org.vividly.common.NotFound;
import org.vividly.identity.Account;
import org.vividly.identity.Accounts;
import org.vividly.tenancy.OrganizationId;
import org.vividly.tenancy.OrganizationSettings;
import org.vividly.tenancy.Organizations;

/**
 * Plans, effective plans and monthly usage. {@link #reserve} takes a unit in one SQL statement
 * ({@code INSERT ... ON CONFLICT DO UPDATE ... WHERE used < limit}), which PostgreSQL runs under the
 * row's lock, so fifty parallel requests against a quota of three succeed exactly three times.
 */
@Service
public class Quotas {

  private static final String PLAN_COLUMNS = "code, name, audience, text_per_month, video_per_month, price_cents, external_price_id";

  private final JdbcClient jdbc;
  private final Accounts accounts;
  private final Organizations organizations;

  Quotas(JdbcClient jdbc, Accounts accounts, Organizations organizations) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.organizations = organizations;
  }

  public List<Plan> plans() {
    return jdbc.sql("SELECT " + PLAN_COLUMNS + " FROM plan WHERE active ORDER BY audience, price_cents, code").query(Quotas::plan).list();
  }

  public Optional<Plan> plan(String code) {
    return jdbc.sql("SELECT " + PLAN_COLUMNS + " FROM plan WHERE code = ? AND active").param(code).query(Quotas::plan).optional();
  }

  /** The person's own plan where upgrades are allowed, else the organization's base plan. */
  public Plan effectivePlan(OrganizationId org, UUID userId) {
    return effectivePlan(accounts.get(org, userId), organizations.settings(org).pricing());
  }

  private Plan effectivePlan(Account account, OrganizationSettings.Pricing pricing) {
    if (pricing.individualUpgrades() && account.planCode() != null) {
      Optional<Plan> own = plan(account.planCode());
      if (own.isPresent()) return own.get();
    }
    return plan(pricing.basePlan()).or(() -> plan("free")).orElseThrow();
  }

  /** This month's usage and what is left. */
  public QuotaUsage usage(OrganizationId org, UUID userId) {
    Account account = accounts.get(org, userId);
    OrganizationSettings.Pricing pricing = organizations.settings(org).pricing();
    Plan plan = effectivePlan(account, pricing);
    LocalDate period = period();
    Map<String, Integer> used = new HashMap<>();
    jdbc.sql("SELECT meter, used FROM quota_usage WHERE user_id = ? AND period = ?").params(userId, Date.valueOf(period)).query((rs, i) -> used.put(rs.getString(1), rs.getInt(2))).list();
    return new QuotaUsage(plan, !plan.code().equals(account.planCode()), period, resetsAt(period), count(used, Meter.TEXT, plan), count(used, Meter.VIDEO, plan), pricing.individualUpgrades());
  }

  /**
   * Takes one unit of {@code meter} for {@code requestId} before the work starts.
   *
   * @throws QuotaExceeded when none is left this month
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void reserve(OrganizationId org, UUID userId, Meter meter, UUID requestId) {
    OrganizationSettings.Pricing pricing = organizations.settings(org).pricing();
    Plan plan = effectivePlan(accounts.get(org, userId), pricing);
    LocalDate period = period();
    int limit = plan.limit(meter);
    Optional<Integer> used = limit <= 0
        ? Optional.empty()
        : jdbc.sql(
                """
                INSERT INTO quota_usage (user_id, period, meter, used) VALUES (?, ?, ?, 1)
                ON CONFLICT (user_id, period, meter) DO UPDATE SET used = quota_usage.used + 1 WHERE quota_usage.used < ?
                RETURNING used
                """)
            .params(userId, Date.valueOf(period), meter.key(), limit)
            .query(Integer.class)
            .optional();
    if (used.isEmpty()) {
      throw new QuotaExceeded(meter, limit, resetsAt(period), plan.name(), pricing.individualUpgrades());
    }
    jdbc.sql("INSERT INTO quota_reservation (request_id, user_id, period, meter, status) VALUES (?, ?, ?, ?, 'reserved')").params(requestId, userId, Date.valueOf(period), meter.key()).update();
  }

  /** Gives back the unit reserved for a request that failed; a second call does nothing. */
  @Transactional
  public void release(UUID requestId) {
    jdbc.sql(
            """
            WITH released AS (
              UPDATE quota_reservation SET status = 'released', released_at = now() WHERE request_id = ? AND status = 'reserved'
              RETURNING user_id, period, meter)
            UPDATE quota_usage q SET used = greatest(q.used - 1, 0) FROM released r
            WHERE q.user_id = r.user_id AND q.period = r.period AND q.meter = r.meter
            """)
        .param(requestId)
        .update();
  }

  /**
   * Sets a person's own plan (or clears it with null). Admins call this now; a payment
   * provider's webhook can call it later with the plan its price id maps to.
   *
   * @throws Forbidden when the organization does not allow individual upgrades
   * @throws InvalidRequest for an unknown or organization-only plan
   */
  @Transactional
  public QuotaUsage changePlan(OrganizationId org, UUID userId, String planCode) {
    if (planCode != null) {
      Plan plan = plan(planCode).orElseThrow(() -> new InvalidRequest("Unknown plan '" + planCode + "'"));
      if (!"individual".equals(plan.audience())) throw new InvalidRequest("Plan '" + planCode + "' is an organization plan; set it as the organization's base plan instead");
      if (!organizations.settings(org).pricing().individualUpgrades()) throw new Forbidden("This organization does not allow individual plans; change its base plan instead");
    }
    accounts.setPlan(org, userId, planCode);
    return usage(org, userId);
  }

  /** The plan whose payment-provider price id is given (for webhooks). */
  public Plan planForExternalPrice(String externalPriceId) {
    return jdbc.sql("SELECT " + PLAN_COLUMNS + " FROM plan WHERE external_price_id = ?").param(externalPriceId).query(Quotas::plan).optional().orElseThrow(() -> new NotFound("Plan with price", externalPriceId));
  }

  /** The month quotas (and cost budgets) count: its first day, by UTC. */
  public static LocalDate period() {
    return LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
  }

  static Instant resetsAt(LocalDate period) {
    return period.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static Meter.Count count(Map<String, Integer> usedByMeter, Meter meter, Plan plan) {
    int used = usedByMeter.getOrDefault(meter.key(), 0);
    int limit = plan.limit(meter);
    return new Meter.Count(used, limit, Math.max(0, limit - used));
  }

  private static Plan plan(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Plan(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getString(7));
  }
}
