--liquibase formatted sql

--changeset vividly:008-event-publication
-- Spring Modulith's event publication registry (spring-modulith-events-jdbc, schemas/v2/schema-postgresql.sql):
-- an event between modules is stored in the transaction that publishes it and replayed to listeners that
-- had not finished when the server stopped.
CREATE TABLE event_publication (
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
--rollback DROP TABLE event_publication;

--changeset vividly:008-no-cross-module-cascades
-- Modules own their tables: a deleted source is removed from collections and videos by their
-- listeners of SourceDeleted, not by foreign keys into the sources module's table.
ALTER TABLE collection_item DROP CONSTRAINT collection_item_source_id_fkey;
ALTER TABLE video DROP CONSTRAINT video_source_id_fkey;
--rollback ALTER TABLE video ADD CONSTRAINT video_source_id_fkey FOREIGN KEY (source_id) REFERENCES source (id) ON DELETE SET NULL; ALTER TABLE collection_item ADD CONSTRAINT collection_item_source_id_fkey FOREIGN KEY (source_id) REFERENCES source (id) ON DELETE CASCADE;
