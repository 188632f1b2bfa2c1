--liquibase formatted sql

--changeset vividly:001-organization
CREATE TABLE organization (
  id          UUID PRIMARY KEY,
  slug        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  settings    JSONB NOT NULL DEFAULT '{}'::jsonb,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  deleted_at  TIMESTAMPTZ
);
--rollback DROP TABLE organization;

--changeset vividly:001-source
CREATE TABLE source (
  id               UUID PRIMARY KEY,
  organization_id  UUID NOT NULL REFERENCES organization (id),
  external_key     TEXT NOT NULL,
  title            TEXT NOT NULL,
  format           TEXT NOT NULL,
  origin           TEXT NOT NULL,
  metadata         JSONB NOT NULL DEFAULT '{}'::jsonb,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT source_key_per_organization UNIQUE (organization_id, external_key)
);
CREATE INDEX source_metadata_gin ON source USING GIN (metadata jsonb_path_ops);
--rollback DROP TABLE source;

--changeset vividly:001-section
CREATE TABLE section (
  id               UUID PRIMARY KEY,
  organization_id  UUID NOT NULL REFERENCES organization (id),
  source_id        UUID NOT NULL REFERENCES source (id) ON DELETE CASCADE,
  ordinal          INT NOT NULL,
  section_key      TEXT NOT NULL,
  title            TEXT NOT NULL,
  heading_path     JSONB NOT NULL,
  content_hash     TEXT NOT NULL,
  CONSTRAINT section_key_per_source UNIQUE (source_id, section_key)
);
CREATE INDEX section_source ON section (source_id, ordinal);
--rollback DROP TABLE section;

--changeset vividly:001-chunk
CREATE TABLE chunk (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id  UUID NOT NULL REFERENCES organization (id),
  source_id        UUID NOT NULL REFERENCES source (id) ON DELETE CASCADE,
  section_id       UUID NOT NULL REFERENCES section (id) ON DELETE CASCADE,
  ordinal          INT NOT NULL,
  kind             TEXT NOT NULL,
  text             TEXT NOT NULL,
  token_count      INT NOT NULL,
  anchor           TEXT,
  metadata         JSONB NOT NULL DEFAULT '{}'::jsonb,
  embedding        BYTEA NOT NULL,
  embedding_model  TEXT NOT NULL
);
CREATE INDEX chunk_section ON chunk (section_id, ordinal);
CREATE INDEX chunk_organization_source ON chunk (organization_id, source_id);
--rollback DROP TABLE chunk;

--changeset vividly:001-source-summary-view
CREATE VIEW source_summary AS
SELECT s.id, s.organization_id, s.title, s.format, s.origin, s.created_at, s.updated_at,
       (SELECT count(*) FROM section x WHERE x.source_id = s.id) AS section_count,
       (SELECT count(*) FROM chunk c WHERE c.source_id = s.id) AS chunk_count,
       (SELECT coalesce(sum(c.token_count), 0) FROM chunk c WHERE c.source_id = s.id) AS token_count
FROM source s;
--rollback DROP VIEW source_summary;

--changeset vividly:001-job
CREATE TABLE job (
  id               UUID PRIMARY KEY,
  organization_id  UUID NOT NULL REFERENCES organization (id),
  kind             TEXT NOT NULL,
  label            TEXT NOT NULL,
  status           TEXT NOT NULL,
  sections_total   INT NOT NULL DEFAULT 0,
  sections_done    INT NOT NULL DEFAULT 0,
  chunks_total     INT NOT NULL DEFAULT 0,
  chunks_done      INT NOT NULL DEFAULT 0,
  report           JSONB NOT NULL DEFAULT '{}'::jsonb,
  error            TEXT,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  started_at       TIMESTAMPTZ,
  finished_at      TIMESTAMPTZ
);
CREATE INDEX job_organization_created ON job (organization_id, created_at DESC);
--rollback DROP TABLE job;

--changeset vividly:001-lesson
CREATE TABLE lesson (
  id               UUID PRIMARY KEY,
  organization_id  UUID NOT NULL REFERENCES organization (id),
  question         TEXT NOT NULL,
  grade            INT NOT NULL,
  interests        JSONB NOT NULL DEFAULT '[]'::jsonb,
  in_library       BOOLEAN NOT NULL,
  composer         TEXT NOT NULL,
  body             JSONB NOT NULL,
  latency_ms       INT NOT NULL,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX lesson_organization_created ON lesson (organization_id, created_at DESC);
CREATE INDEX lesson_interests_gin ON lesson USING GIN (interests);
--rollback DROP TABLE lesson;
