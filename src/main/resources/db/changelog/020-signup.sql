--liquibase formatted sql

--changeset vividly:020-signup
-- Public sign-ups of families and homeschool groups, waiting for their email to be verified (the
-- token is kept as its SHA-256 hash; the password only as its bcrypt hash), and the free trials they
-- start, with each person's referral code. Owned by the signup module.
CREATE TABLE signup (
  id                 UUID PRIMARY KEY,
  kind               TEXT NOT NULL CHECK (kind IN ('family', 'homeschool_group')),
  email              TEXT NOT NULL,
  display_name       TEXT NOT NULL,
  organization_name  TEXT NOT NULL,
  password_hash      TEXT NOT NULL,
  referral_code      TEXT,
  token_hash         TEXT NOT NULL UNIQUE,
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at         TIMESTAMPTZ NOT NULL,
  verified_at        TIMESTAMPTZ
);
CREATE TABLE trial (
  user_id          UUID PRIMARY KEY,
  organization_id  UUID NOT NULL,
  plan             TEXT NOT NULL,
  ends_at          TIMESTAMPTZ NOT NULL,
  ended_at         TIMESTAMPTZ,
  referral_code    TEXT NOT NULL UNIQUE,
  referrals        INT NOT NULL DEFAULT 0
);
CREATE INDEX trial_ending ON trial (ends_at) WHERE ended_at IS NULL;
--rollback DROP TABLE trial; DROP TABLE signup;

--changeset vividly:020-job-schedule-recurring
-- db-scheduler's table (github.com/kagkarlsson/db-scheduler, postgresql_tables.sql) for the jobs
-- module's recurring work of every module (retention, trials), which replaces privacy_schedule.
CREATE TABLE job_schedule_recurring (
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
CREATE INDEX job_schedule_recurring_execution_time ON job_schedule_recurring (execution_time);
CREATE INDEX job_schedule_recurring_last_heartbeat ON job_schedule_recurring (last_heartbeat);
--rollback DROP TABLE job_schedule_recurring;

--changeset vividly:020-drop-privacy-schedule
-- The retention job runs on job_schedule_recurring now.
DROP TABLE privacy_schedule;
--rollback CREATE TABLE privacy_schedule (task_name TEXT NOT NULL, task_instance TEXT NOT NULL, task_data BYTEA, execution_time TIMESTAMPTZ, picked BOOLEAN NOT NULL, picked_by TEXT, last_success TIMESTAMPTZ, last_failure TIMESTAMPTZ, consecutive_failures INT, last_heartbeat TIMESTAMPTZ, version BIGINT NOT NULL, priority SMALLINT, state TEXT, PRIMARY KEY (task_name, task_instance));
