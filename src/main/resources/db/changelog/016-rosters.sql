--liquibase formatted sql

--changeset vividly:016-roster-source
-- What a student information system calls a school, class or person (its OneRoster sourcedId, or
-- the email of the simple CSV), and the Vividly record it became: a second import of the same
-- export updates those records instead of making new ones. Owned by the rosters module.
CREATE TABLE roster_source (
  organization_id  UUID NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('school', 'class', 'person')),
  sourced_id       TEXT NOT NULL,
  vividly_id       UUID NOT NULL,
  imported_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, kind, sourced_id)
);
--rollback DROP TABLE roster_source;
