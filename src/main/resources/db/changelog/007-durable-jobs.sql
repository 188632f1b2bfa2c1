--liquibase formatted sql

--changeset vividly:007-job-data
-- A job keeps what its handler needs to run it again after a crash, and how often it was started.
-- Jobs of the previous in-memory worker cannot be run again: they end here, with a reason.
ALTER TABLE job ADD COLUMN data JSONB NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE job ADD COLUMN attempts INT NOT NULL DEFAULT 0;
UPDATE job SET status = 'failed', finished_at = now(), error = 'Interrupted by the upgrade to durable jobs; run it again.' WHERE status IN ('queued', 'running');
--rollback ALTER TABLE job DROP COLUMN attempts; ALTER TABLE job DROP COLUMN data;

--changeset vividly:007-job-schedule-library
-- db-scheduler's table (github.com/kagkarlsson/db-scheduler, postgresql_tables.sql) for the library queue.
CREATE TABLE job_schedule_library (
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
CREATE INDEX job_schedule_library_execution_time ON job_schedule_library (execution_time);
CREATE INDEX job_schedule_library_last_heartbeat ON job_schedule_library (last_heartbeat);
CREATE INDEX job_schedule_library_priority_execution_time ON job_schedule_library (priority DESC, execution_time ASC);
--rollback DROP TABLE job_schedule_library;

--changeset vividly:007-job-schedule-media
-- db-scheduler's table (github.com/kagkarlsson/db-scheduler, postgresql_tables.sql) for the media queue.
CREATE TABLE job_schedule_media (
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
CREATE INDEX job_schedule_media_execution_time ON job_schedule_media (execution_time);
CREATE INDEX job_schedule_media_last_heartbeat ON job_schedule_media (last_heartbeat);
CREATE INDEX job_schedule_media_priority_execution_time ON job_schedule_media (priority DESC, execution_time ASC);
--rollback DROP TABLE job_schedule_media;
