--liquibase formatted sql

--changeset vividly:012-mail-message
-- Every email the server sends, owned by the notifications module: the outbox. Without a mail server
-- a message stays here ('outbox') for an admin to pass its links on; with one it is 'queued' until a
-- delivery job hands it to the server ('sent') or gives up ('failed', with the reason). The links of a
-- sent message are removed from the stored copy: they carry one-time tokens for the recipient only.
CREATE TABLE mail_message (
  id                 UUID PRIMARY KEY,
  organization_id    UUID NOT NULL,
  recipient_user_id  UUID,
  recipient          TEXT NOT NULL,
  recipient_name     TEXT,
  kind               TEXT NOT NULL,
  subject            TEXT NOT NULL,
  html_body          TEXT NOT NULL,
  text_body          TEXT NOT NULL,
  links              JSONB NOT NULL DEFAULT '[]'::jsonb,
  status             TEXT NOT NULL CHECK (status IN ('outbox', 'queued', 'sent', 'failed')),
  attempts           INT NOT NULL DEFAULT 0,
  last_error         TEXT,
  dedupe_key         TEXT UNIQUE,
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  sent_at            TIMESTAMPTZ
);
CREATE INDEX mail_message_organization ON mail_message (organization_id, created_at DESC);
CREATE INDEX mail_message_queued ON mail_message (created_at) WHERE status = 'queued';
--rollback DROP TABLE mail_message;

--changeset vividly:012-notification-preference
-- What a person chose not to be emailed about (only the kinds they may turn off).
CREATE TABLE notification_preference (
  user_id   UUID NOT NULL,
  kind      TEXT NOT NULL,
  enabled   BOOLEAN NOT NULL,
  PRIMARY KEY (user_id, kind)
);
--rollback DROP TABLE notification_preference;

--changeset vividly:012-mail-schedule
-- db-scheduler's table (github.com/kagkarlsson/db-scheduler, postgresql_tables.sql) for deliveries.
CREATE TABLE mail_schedule (
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
CREATE INDEX mail_schedule_execution_time ON mail_schedule (execution_time);
CREATE INDEX mail_schedule_last_heartbeat ON mail_schedule (last_heartbeat);
CREATE INDEX mail_schedule_priority_execution_time ON mail_schedule (priority DESC, execution_time ASC);
--rollback DROP TABLE mail_schedule;
