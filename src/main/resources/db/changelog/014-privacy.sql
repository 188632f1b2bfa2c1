--liquibase formatted sql

--changeset vividly:014-privacy-audit
-- What was done with people's records: an admin's export or erasure of one person, and each run of
-- the retention job per organization, with what it counted. Owned by the privacy module.
CREATE TABLE privacy_audit (
  id               UUID PRIMARY KEY,
  organization_id  UUID NOT NULL,
  actor_id         UUID,
  subject_id       UUID,
  action           TEXT NOT NULL CHECK (action IN ('export', 'erasure', 'retention')),
  detail           JSONB NOT NULL DEFAULT '{}'::jsonb,
  at               TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX privacy_audit_organization ON privacy_audit (organization_id, at DESC);
--rollback DROP TABLE privacy_audit;
