--liquibase formatted sql

--changeset vividly:005-class-join-code
-- A code the class's teacher shares so that students enroll themselves; teachers cannot enroll
-- students directly (that is an admin's act). Null until the teacher first shows it.
ALTER TABLE school_class ADD COLUMN join_code TEXT;
CREATE UNIQUE INDEX school_class_join_code ON school_class (join_code) WHERE join_code IS NOT NULL;
--rollback DROP INDEX school_class_join_code; ALTER TABLE school_class DROP COLUMN join_code;

--changeset vividly:005-source-created-by
-- Who uploaded a source: they (or an admin) may delete it. Null for books an admin or the demo
-- loaded, which only admins delete. Not a foreign key: people belong to the identity module.
ALTER TABLE source ADD COLUMN created_by UUID;
--rollback ALTER TABLE source DROP COLUMN created_by;
