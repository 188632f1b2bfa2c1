--liquibase formatted sql

--changeset vividly:004-video
CREATE TABLE video (
  id                 UUID PRIMARY KEY,
  organization_id    UUID NOT NULL REFERENCES organization (id),
  owner_id           UUID REFERENCES app_user (id),
  collection_id      UUID,
  source_id          UUID REFERENCES source (id) ON DELETE SET NULL,
  title              TEXT NOT NULL,
  origin             TEXT NOT NULL,
  media_file         TEXT,
  media_type         TEXT,
  has_video          BOOLEAN NOT NULL DEFAULT false,
  duration_seconds   DOUBLE PRECISION,
  transcript_origin  TEXT NOT NULL CHECK (transcript_origin IN ('subtitles', 'speech-to-text')),
  language           TEXT NOT NULL DEFAULT 'en',
  tags               JSONB NOT NULL DEFAULT '[]'::jsonb,
  status             TEXT NOT NULL CHECK (status IN ('queued', 'transcribing', 'indexing', 'ready', 'failed')),
  progress           DOUBLE PRECISION NOT NULL DEFAULT 0,
  error              TEXT,
  job_id             UUID,
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  finished_at        TIMESTAMPTZ
);
CREATE INDEX video_organization_created ON video (organization_id, created_at DESC);
CREATE INDEX video_tags_gin ON video USING GIN (tags);
--rollback DROP TABLE video;

--changeset vividly:004-collection
CREATE TABLE collection (
  id               UUID PRIMARY KEY,
  organization_id  UUID NOT NULL REFERENCES organization (id),
  owner_id         UUID NOT NULL REFERENCES app_user (id),
  name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  description      TEXT NOT NULL DEFAULT '',
  instructor       TEXT,
  subject          TEXT,
  semester         TEXT,
  tags             JSONB NOT NULL DEFAULT '[]'::jsonb,
  is_default       BOOLEAN NOT NULL DEFAULT false,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX collection_one_default_per_owner ON collection (owner_id) WHERE is_default;
CREATE INDEX collection_organization ON collection (organization_id, name);
CREATE TABLE collection_member (
  collection_id  UUID NOT NULL REFERENCES collection (id) ON DELETE CASCADE,
  user_id        UUID NOT NULL REFERENCES app_user (id),
  role           TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  added_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (collection_id, user_id)
);
CREATE INDEX collection_member_user ON collection_member (user_id);
CREATE TABLE collection_item (
  collection_id  UUID NOT NULL REFERENCES collection (id) ON DELETE CASCADE,
  source_id      UUID NOT NULL REFERENCES source (id) ON DELETE CASCADE,
  added_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (collection_id, source_id)
);
CREATE INDEX collection_item_source ON collection_item (source_id);
--rollback DROP TABLE collection_item; DROP TABLE collection_member; DROP TABLE collection;

--changeset vividly:004-conversation
CREATE TABLE conversation (
  id               UUID PRIMARY KEY,
  organization_id  UUID NOT NULL REFERENCES organization (id),
  owner_id         UUID NOT NULL REFERENCES app_user (id),
  title            TEXT NOT NULL,
  collection_id    UUID REFERENCES collection (id) ON DELETE SET NULL,
  source_ids       JSONB NOT NULL DEFAULT '[]'::jsonb,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX conversation_owner_updated ON conversation (organization_id, owner_id, updated_at DESC);
CREATE TABLE chat_message (
  id                 UUID PRIMARY KEY,
  conversation_id    UUID NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
  organization_id    UUID NOT NULL REFERENCES organization (id),
  ordinal            INT NOT NULL,
  role               TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
  content            TEXT NOT NULL,
  paragraphs         JSONB NOT NULL DEFAULT '[]'::jsonb,
  citations          JSONB NOT NULL DEFAULT '[]'::jsonb,
  in_library         BOOLEAN NOT NULL DEFAULT true,
  composer           TEXT,
  latency_ms         INT,
  prompt_tokens      INT,
  completion_tokens  INT,
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT chat_message_ordinal UNIQUE (conversation_id, ordinal)
);
--rollback DROP TABLE chat_message; DROP TABLE conversation;
