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

--changeset vividly:014-privacy-schedule
-- db-scheduler's table (github.com/kagkarlsson/db-scheduler, postgresql_tables.sql) for the retention job.
CREATE TABLE privacy_schedule (
  task_name             TEXT NOT NULL,
  task_instance         TEXT NOT NULL,
  task_data             BYTEA,
  execution_time        TIMESTAMPTZ,
  picked                BOOLEAN NOT NULL,
  picked_by             TEXT,
  last_success          TIMESTAMPTZ,
  last_failure          TIMESTAMPTZ,
  consecutive_failures  INT,
  last_heartbeat        TIMESTAMPTZ,
  version               BIGINT NOT NULL,
  priority              SMALLINT,
  state                 TEXT,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX privacy_schedule_execution_time ON privacy_schedule (execution_time);
CREATE INDEX privacy_schedule_last_heartbeat ON privacy_schedule (last_heartbeat);
CREATE INDEX privacy_schedule_priority_execution_time ON privacy_schedule (priority DESC, execution_time ASC);
--rollback DROP TABLE privacy_schedule;
