package org.vividly.requests.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vividly.requests.CostBudgets;
import org.vividly.tenancy.Caller;

@RestController
@RequestMapping("/api/v1/organization/budget")
@Tag(name = "Cost budget", description = "The organization's monthly budget for what its requests cost, with alerts at 50, 75, 90 and 100%")
class BudgetApi {

  private final CostBudgets budgets;

  BudgetApi(CostBudgets budgets) {
    this.budgets = budgets;
  }

  /** @param monthlyUsd the budget in US dollars (more than 0, at most 1,000,000,000), or null to remove it */
  record NewBudget(BigDecimal monthlyUsd) {}

  @GetMapping
  @Operation(summary = "This month's budget, cost and alerts", description = "Admins only. Cost is the month's (UTC) requests' measured use priced by the price table.")
  CostBudgets.Budget get(Caller caller) {
    return budgets.budget(caller);
  }

  @PutMapping
  @Operation(summary = "Set or remove the monthly budget", description = "Admins only. Thresholds this month's cost already passes are alerted at once.")
  CostBudgets.Budget set(@RequestBody NewBudget body, Caller caller) {
    return budgets.setBudget(caller, body.monthlyUsd());
  }
}
