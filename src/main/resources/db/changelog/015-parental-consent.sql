--liquibase formatted sql

--changeset vividly:015-parental-consent
-- A person's date of birth (optional), and the parental consent a teacher or admin recorded: below
-- the organization's parentalConsentBelowAge, an account cannot sign in until consent is recorded.
ALTER TABLE app_user ADD COLUMN birth_date DATE;
ALTER TABLE app_user ADD COLUMN parental_consent_at TIMESTAMPTZ;
ALTER TABLE app_user ADD COLUMN parental_consent_by UUID;
--rollback ALTER TABLE app_user DROP COLUMN parental_consent_by; ALTER TABLE app_user DROP COLUMN parental_consent_at; ALTER TABLE app_user DROP COLUMN birth_date;
