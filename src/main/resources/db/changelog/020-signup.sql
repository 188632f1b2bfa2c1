--liquibase formatted sql

--changeset vividly:020-signup
-- Public sign-ups of families and homeschool groups, waiting for their email to be verified (the
-- token is kept as its SHA-256 hash; the password only as its bcrypt hash), and the free trials they
-- start, with each person's referral code. Owned by the signup module.
CREATE TABLE signup (
  id                 UUID PRIMARY KEY,
  kind               TEXT NOT NULL CHECK (kind IN ('family', 'homeschool_group')),
  email              TEXT NOT NULL,
  display_name       TEXT NOT NULL,
  organization_name  TEXT NOT NULL,
  password_hash      TEXT NOT NULL,
  referral_code      TEXT,
  token_hash         TEXT NOT NULL UNIQUE,
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at         TIMESTAMPTZ NOT NULL,
  verified_at        TIMESTAMPTZ
);
CREATE TABLE trial (
  user_id          UUID PRIMARY KEY,
  organization_id  UUID NOT NULL,
  plan             TEXT NOT NULL,
  ends_at          TIMESTAMPTZ NOT NULL,
  ended_at         TIMESTAMPTZ,
  referral_code    TEXT NOT NULL UNIQUE,
  referrals        INT NOT NULL DEFAULT 0
);
CREATE INDEX trial_ending ON trial (ends_at) WHERE ended_at IS NULL;
--rollback DROP TABLE trial; DROP TABLE signup;
