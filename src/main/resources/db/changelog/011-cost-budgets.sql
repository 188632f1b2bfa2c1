--liquibase formatted sql

--changeset vividly:011-cost-budgets
-- An organization's monthly budget for what its requests cost (their stages priced by the price
-- table), and the alerts raised when a calendar month's (UTC) cost reaches 50, 75, 90 and 100% of it:
-- each threshold once a month, however many servers finish requests at the same moment.
CREATE TABLE cost_budget (
  organization_id  UUID PRIMARY KEY,
  monthly_usd      NUMERIC(12, 2) NOT NULL CHECK (monthly_usd > 0),
  updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE cost_alert (
  organization_id  UUID NOT NULL,
  month            DATE NOT NULL,
  threshold        INT NOT NULL CHECK (threshold IN (50, 75, 90, 100)),
  spent_usd        NUMERIC(12, 6) NOT NULL,
  budget_usd       NUMERIC(12, 2) NOT NULL,
  reached_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, month, threshold)
);
--rollback DROP TABLE cost_alert; DROP TABLE cost_budget;
