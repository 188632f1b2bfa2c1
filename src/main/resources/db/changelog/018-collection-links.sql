--liquibase formatted sql

--changeset vividly:018-collection-link
-- A viewer link to a collection: whoever of the same organization opens it while it is valid becomes
-- a viewer through it, and loses that access when the link expires or its owner revokes it. The
-- token is kept as its SHA-256 hash. Owned by the collections module.
CREATE TABLE collection_link (
  id               UUID PRIMARY KEY,
  collection_id    UUID NOT NULL REFERENCES collection (id) ON DELETE CASCADE,
  organization_id  UUID NOT NULL,
  token_hash       TEXT NOT NULL UNIQUE,
  created_by       UUID NOT NULL,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at       TIMESTAMPTZ NOT NULL,
  revoked_at       TIMESTAMPTZ
);
CREATE INDEX collection_link_collection ON collection_link (collection_id);
ALTER TABLE collection_member ADD COLUMN link_id UUID REFERENCES collection_link (id) ON DELETE CASCADE;
--rollback ALTER TABLE collection_member DROP COLUMN link_id; DROP TABLE collection_link;
