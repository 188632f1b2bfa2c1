--liquibase formatted sql

--changeset vividly:019-billing-event
-- Each payment-provider event handled, by the provider's event id, so a retried or replayed
-- delivery is answered as before and changes nothing twice. Owned by the billing module.
CREATE TABLE billing_event (
  id           TEXT PRIMARY KEY,
  type         TEXT NOT NULL,
  outcome      TEXT NOT NULL,
  received_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
--rollback DROP TABLE billing_event;
