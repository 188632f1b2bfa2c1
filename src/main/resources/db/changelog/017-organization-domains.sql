--liquibase formatted sql

--changeset vividly:017-organization-domains
-- The email domains an organization's people have (for example lincoln.k12.us), set when it is
-- onboarded: its first admins are checked against them.
ALTER TABLE organization ADD COLUMN email_domains JSONB NOT NULL DEFAULT '[]'::jsonb;
--rollback ALTER TABLE organization DROP COLUMN email_domains;
