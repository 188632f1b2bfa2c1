--liquibase formatted sql

--changeset vividly:009-no-cross-module-set-null
-- A deleted collection leaves its conversations through chat's listener of CollectionDeleted, not
-- through a foreign key from the chat module's table into the collections module's.
ALTER TABLE conversation DROP CONSTRAINT conversation_collection_id_fkey;
--rollback ALTER TABLE conversation ADD CONSTRAINT conversation_collection_id_fkey FOREIGN KEY (collection_id) REFERENCES collection (id) ON DELETE SET NULL;
