package org.vividly.requests.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.vividly.requests.ContentRequestFinished;
import org.vividly.requests.CostBudgets;

/**
 * Each finished request checks its organization's budget. Through the event publication registry,
 * so a server that stops before the check leaves it to be replayed.
 */
@Component
class BudgetAlerts {

  private final CostBudgets budgets;

  BudgetAlerts(CostBudgets budgets) {
    this.budgets = budgets;
  }

  @ApplicationModuleListener
  void on(ContentRequestFinished event) {
    budgets.check(event.organization());
  }
}
