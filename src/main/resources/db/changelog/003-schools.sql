--liquibase formatted sql

--changeset vividly:003-organization-type
ALTER TABLE organization ADD COLUMN type TEXT NOT NULL DEFAULT 'single_school';
ALTER TABLE organization ADD CONSTRAINT organization_type CHECK (type IN
  ('k12_district', 'single_school', 'university', 'tutoring_center', 'homeschool_group', 'public_library', 'nonprofit', 'company_training'));
CREATE INDEX organization_settings_gin ON organization USING GIN (settings jsonb_path_ops);
--rollback DROP INDEX organization_settings_gin; ALTER TABLE organization DROP CONSTRAINT organization_type; ALTER TABLE organization DROP COLUMN type;

--changeset vividly:003-plan
CREATE TABLE plan (
  code              TEXT PRIMARY KEY,
  name              TEXT NOT NULL,
  audience          TEXT NOT NULL CHECK (audience IN ('individual', 'organization')),
  text_per_month    INT NOT NULL CHECK (text_per_month >= 0),
  video_per_month   INT NOT NULL CHECK (video_per_month >= 0),
  price_cents       INT NOT NULL DEFAULT 0,
  external_price_id TEXT,
  active            BOOLEAN NOT NULL DEFAULT true
);
INSERT INTO plan (code, name, audience, text_per_month, video_per_month, price_cents) VALUES
  ('free', 'Free', 'individual', 15, 3, 0),
  ('plus', 'Plus', 'individual', 100, 20, 800),
  ('premium', 'Premium', 'individual', 500, 100, 2000),
  ('family', 'Family', 'individual', 300, 60, 1500),
  ('school', 'School', 'organization', 200, 40, 0),
  ('district', 'District', 'organization', 400, 80, 0);
--rollback DROP TABLE plan;

--changeset vividly:003-school
CREATE TABLE school (
  id               UUID PRIMARY KEY,
  organization_id  UUID NOT NULL REFERENCES organization (id),
  name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  deleted_at       TIMESTAMPTZ
);
CREATE UNIQUE INDEX school_name_per_organization ON school (organization_id, lower(name)) WHERE deleted_at IS NULL;
--rollback DROP TABLE school;

--changeset vividly:003-app-user
CREATE TABLE app_user (
  id               UUID PRIMARY KEY,
  organization_id  UUID NOT NULL REFERENCES organization (id),
  school_id        UUID REFERENCES school (id),
  email            TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  display_name     TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
  role             TEXT NOT NULL CHECK (role IN ('super_admin', 'org_admin', 'teacher', 'student')),
  password_hash    TEXT,
  grade            INT CHECK (grade BETWEEN 1 AND 16),
  plan_code        TEXT REFERENCES plan (code),
  preferences      JSONB NOT NULL DEFAULT '{}'::jsonb,
  last_sign_in_at  TIMESTAMPTZ,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  deleted_at       TIMESTAMPTZ
);
CREATE UNIQUE INDEX app_user_email ON app_user (lower(email)) WHERE deleted_at IS NULL;
CREATE INDEX app_user_organization ON app_user (organization_id, role);
CREATE INDEX app_user_preferences_gin ON app_user USING GIN (preferences jsonb_path_ops);
--rollback DROP TABLE app_user;

--changeset vividly:003-school-class
CREATE TABLE school_class (
  id               UUID PRIMARY KEY,
  organization_id  UUID NOT NULL REFERENCES organization (id),
  school_id        UUID NOT NULL REFERENCES school (id),
  teacher_id       UUID NOT NULL REFERENCES app_user (id),
  name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  subject          TEXT,
  grade            INT CHECK (grade BETWEEN 1 AND 16),
  topics           JSONB NOT NULL DEFAULT '[]'::jsonb,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  deleted_at       TIMESTAMPTZ
);
CREATE INDEX school_class_teacher ON school_class (teacher_id) WHERE deleted_at IS NULL;
CREATE TABLE enrollment (
  class_id    UUID NOT NULL REFERENCES school_class (id) ON DELETE CASCADE,
  student_id  UUID NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (class_id, student_id)
);
CREATE INDEX enrollment_student ON enrollment (student_id);
--rollback DROP TABLE enrollment; DROP TABLE school_class;

--changeset vividly:003-sign-in
-- One row per signed-in device: the refresh-token family. Rotation replaces refresh_hash;
-- presenting an older refresh token (reuse) revokes the whole family.
CREATE TABLE auth_session (
  id             UUID PRIMARY KEY,
  user_id        UUID NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  refresh_hash   TEXT NOT NULL,
  generation     INT NOT NULL DEFAULT 1,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  rotated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at     TIMESTAMPTZ NOT NULL,
  revoked_at     TIMESTAMPTZ,
  revoked_reason TEXT,
  user_agent     TEXT,
  ip             TEXT
);
CREATE UNIQUE INDEX auth_session_refresh ON auth_session (refresh_hash);
CREATE INDEX auth_session_user ON auth_session (user_id);
-- Refresh tokens already rotated away: kept until the family expires to detect reuse.
CREATE TABLE auth_refresh_used (
  refresh_hash  TEXT PRIMARY KEY,
  session_id    UUID NOT NULL REFERENCES auth_session (id) ON DELETE CASCADE
);
CREATE TABLE one_time_token (
  token_hash       TEXT PRIMARY KEY,
  purpose          TEXT NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
  user_id          UUID NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_by       UUID REFERENCES app_user (id),
  expires_at       TIMESTAMPTZ NOT NULL,
  used_at          TIMESTAMPTZ,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX one_time_token_user ON one_time_token (user_id, purpose);
-- The HMAC key that signs access tokens, shared by every server on this database.
CREATE TABLE signing_key (
  id          TEXT PRIMARY KEY,
  secret      BYTEA NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
--rollback DROP TABLE signing_key; DROP TABLE one_time_token; DROP TABLE auth_refresh_used; DROP TABLE auth_session;

--changeset vividly:003-owners
ALTER TABLE content_request ADD COLUMN owner_id UUID REFERENCES app_user (id);
CREATE INDEX content_request_owner ON content_request (owner_id, created_at DESC);
ALTER TABLE lesson ADD COLUMN owner_id UUID REFERENCES app_user (id);
CREATE INDEX lesson_owner ON lesson (owner_id, created_at DESC);
--rollback ALTER TABLE lesson DROP COLUMN owner_id; ALTER TABLE content_request DROP COLUMN owner_id;

--changeset vividly:003-quota
-- Reserved and used units per user, meter and calendar month (UTC). A reservation takes a unit
-- before the expensive work; a failed request gives it back.
CREATE TABLE quota_usage (
  user_id   UUID NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  period    DATE NOT NULL,
  meter     TEXT NOT NULL CHECK (meter IN ('text', 'video')),
  used      INT NOT NULL DEFAULT 0 CHECK (used >= 0),
  PRIMARY KEY (user_id, period, meter)
);
CREATE TABLE quota_reservation (
  request_id   UUID PRIMARY KEY,
  user_id      UUID NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  period       DATE NOT NULL,
  meter        TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('reserved', 'released')),
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  released_at  TIMESTAMPTZ
);
CREATE INDEX quota_reservation_user ON quota_reservation (user_id, period);
--rollback DROP TABLE quota_reservation; DROP TABLE quota_usage;

--changeset vividly:003-user-preference-summary
-- Interests and preferred modality per organization, from users' JSONB preferences.
CREATE VIEW user_preference_summary AS
SELECT u.organization_id,
       i.interest,
       count(*)                                                          AS students,
       count(*) FILTER (WHERE u.preferences ->> 'preferredModality' = 'video') AS prefer_video,
       count(*) FILTER (WHERE u.preferences ->> 'preferredModality' = 'audio') AS prefer_audio,
       round(avg(u.grade), 1)                                             AS average_grade
FROM app_user u
CROSS JOIN LATERAL jsonb_array_elements_text(COALESCE(u.preferences -> 'interests', '[]'::jsonb)) AS i (interest)
WHERE u.deleted_at IS NULL AND u.role = 'student'
GROUP BY u.organization_id, i.interest;
--rollback DROP VIEW user_preference_summary;
