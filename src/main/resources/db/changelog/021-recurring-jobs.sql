--liquibase formatted sql

--changeset vividly:021-job-schedule-recurring
-- db-scheduler's table (github.com/kagkarlsson/db-scheduler, postgresql_tables.sql) for the jobs
-- module's recurring work of every module (retention, trials).
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
