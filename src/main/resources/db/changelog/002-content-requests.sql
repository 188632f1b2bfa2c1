--liquibase formatted sql

--changeset vividly:002-content-request
CREATE TABLE content_request (
  id                  UUID PRIMARY KEY,
  organization_id     UUID NOT NULL REFERENCES organization (id),
  lesson_id           UUID,
  question            TEXT NOT NULL,
  grade               INT NOT NULL,
  interests           JSONB NOT NULL DEFAULT '[]'::jsonb,
  modalities          JSONB NOT NULL,
  preferred_modality  TEXT NOT NULL,
  text_language       TEXT NOT NULL,
  audio_language      TEXT NOT NULL,
  resolution          INT NOT NULL,
  voice_rate          DOUBLE PRECISION NOT NULL DEFAULT 1.0,
  status              TEXT NOT NULL,
  current_stage       TEXT,
  outcomes            JSONB NOT NULL DEFAULT '{}'::jsonb,
  formats_produced    JSONB NOT NULL DEFAULT '[]'::jsonb,
  error               TEXT,
  created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
  completed_at        TIMESTAMPTZ,
  CONSTRAINT content_request_status CHECK (status IN ('received', 'running', 'completed', 'failed'))
);
CREATE INDEX content_request_recent ON content_request (organization_id, created_at DESC);
CREATE INDEX content_request_modalities_gin ON content_request USING GIN (modalities);
--rollback DROP TABLE content_request;

--changeset vividly:002-content-request-stage
CREATE TABLE content_request_stage (
  request_id     UUID NOT NULL REFERENCES content_request (id) ON DELETE CASCADE,
  stage          TEXT NOT NULL,
  modality       TEXT NOT NULL,
  status         TEXT NOT NULL,
  started_at     TIMESTAMPTZ,
  ended_at       TIMESTAMPTZ,
  duration_ms    BIGINT,
  attempts       INT NOT NULL DEFAULT 0,
  error          TEXT,
  cpu_seconds    DOUBLE PRECISION NOT NULL DEFAULT 0,
  audio_seconds  DOUBLE PRECISION NOT NULL DEFAULT 0,
  video_seconds  DOUBLE PRECISION NOT NULL DEFAULT 0,
  llm_tokens     INT NOT NULL DEFAULT 0,
  peak_rss_kb    BIGINT NOT NULL DEFAULT 0,
  bytes_out      BIGINT NOT NULL DEFAULT 0,
  cost_usd       NUMERIC(12, 6) NOT NULL DEFAULT 0,
  PRIMARY KEY (request_id, stage),
  CONSTRAINT content_request_stage_status CHECK (status IN ('pending', 'running', 'completed', 'failed', 'skipped'))
);
--rollback DROP TABLE content_request_stage;

--changeset vividly:002-media-file
CREATE TABLE media_file (
  organization_id  UUID NOT NULL REFERENCES organization (id),
  owner_id         UUID NOT NULL,
  name             TEXT NOT NULL,
  sha256           TEXT NOT NULL,
  content_type     TEXT NOT NULL,
  size_bytes       BIGINT NOT NULL,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (owner_id, name)
);
CREATE INDEX media_file_sha256 ON media_file (sha256);
CREATE INDEX media_file_organization ON media_file (organization_id, owner_id);
--rollback DROP TABLE media_file;

--changeset vividly:002-modality-usage-summary
-- Per organization and modality: requests, average generation time and success rate. A request
-- counts once for each modality it asked for; its outcome for that modality decides success.
CREATE VIEW modality_usage_summary AS
SELECT r.organization_id,
       m.modality,
       count(*) AS requests,
       count(*) FILTER (WHERE r.outcomes ->> m.modality = 'completed') AS succeeded,
       count(*) FILTER (WHERE r.outcomes ->> m.modality IN ('failed', 'unavailable')) AS failed,
       avg(EXTRACT(EPOCH FROM (r.completed_at - r.created_at)) * 1000) FILTER (WHERE r.outcomes ->> m.modality = 'completed') AS avg_generation_ms,
       coalesce(sum(s.cost_usd), 0) AS cost_usd
FROM content_request r
CROSS JOIN LATERAL jsonb_array_elements_text(r.modalities) AS m (modality)
LEFT JOIN LATERAL (
  SELECT sum(cost_usd) AS cost_usd FROM content_request_stage st WHERE st.request_id = r.id AND st.modality = m.modality
) s ON true
GROUP BY r.organization_id, m.modality;
--rollback DROP VIEW modality_usage_summary;

--changeset vividly:002-scheduled-tasks
-- db-scheduler's table (github.com/kagkarlsson/db-scheduler, postgresql_tables.sql).
CREATE TABLE scheduled_tasks (
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
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
--rollback DROP TABLE scheduled_tasks;
