package org.vividly.cli;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(
    name = "budget",
    description = {
      "The organization's monthly cost budget: what this month's requests cost against it, and the alerts raised at 50, 75, 90 and 100%.",
      "Admins only. Cost is each request's measured use priced by the price table; months are UTC."
    })
class BudgetCommand implements Callable<Integer> {

  @Mixin ClientOptions client;

  static class Change {
    @Option(names = "--set", paramLabel = "USD", description = "Set the monthly budget in US dollars (more than 0); thresholds already passed are alerted at once")
    BigDecimal set;

    @Option(names = "--remove", description = "Remove the budget (no more alerts)")
    boolean remove;
  }

  @ArgGroup(exclusive = true)
  Change change;

  @Override
  public Integer call() {
    ApiClient api = client.api();
    JsonNode budget;
    if (change == null) {
      budget = api.get("/api/v1/organization/budget");
    } else {
      Map<String, Object> body = new HashMap<>();
      body.put("monthlyUsd", change.remove ? null : change.set);
      budget = api.put("/api/v1/organization/budget", body, JsonNode.class);
    }
    print(budget);
    return 0;
  }

  private static void print(JsonNode budget) {
    String month = budget.path("month").asString();
    String spent = usd(budget.path("spentUsd"));
    if (!budget.hasNonNull("monthlyUsd")) {
      System.out.printf("No monthly budget is set. Spent in %s: %s.%n", month.substring(0, 7), spent);
      System.out.println("Set one with: ./vividly budget --set USD");
      return;
    }
    System.out.printf("Budget: %s a month. Spent in %s: %s (%.1f%%)%n", usd(budget.path("monthlyUsd")), month.substring(0, 7), spent, budget.path("percentUsed").asDouble());
    JsonNode alerts = budget.path("alerts");
    if (alerts.isEmpty()) {
      System.out.println("No alerts this month.");
      return;
    }
    for (JsonNode a : alerts) {
      System.out.printf("  %3d%% reached %s, at %s of %s%n", a.path("threshold").asInt(), a.path("reachedAt").asString().replace('T', ' ').replaceAll("\\.\\d+", ""), usd(a.path("spentUsd")), usd(a.path("budgetUsd")));
    }
  }

  private static String usd(JsonNode amount) {
    return "$" + new BigDecimal(amount.asString("0")).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
  }
}
