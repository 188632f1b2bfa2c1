--liquibase formatted sql

--changeset vividly:013-oidc-link
-- A person's school account (Google Workspace, Microsoft Entra ID or another OpenID Connect
-- provider) linked to their Vividly account at its first sign-in: the provider's issuer and the
-- stable subject it gives the person (OpenID Connect Core 1.0, section 2), so a later change of
-- email at the school does not lose the account.
CREATE TABLE oidc_link (
  issuer        TEXT NOT NULL,
  subject       TEXT NOT NULL,
  user_id       UUID NOT NULL REFERENCES app_user (id),
  registration  TEXT NOT NULL,
  email         TEXT NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_used_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX oidc_link_user ON oidc_link (user_id);
--rollback DROP TABLE oidc_link;
