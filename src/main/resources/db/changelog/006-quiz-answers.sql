--liquibase formatted sql

--changeset vividly:006-quiz-answer
-- A student's latest answer to one check question of one of their lessons, graded on the server
-- from the stored lesson (exercises: marked by the student after seeing the solution). Answering
-- again replaces the answer and counts the attempt, so that mastery reads what the student knows
-- now. section is the heading path of the question's first citation, the unit mastery is counted
-- in. No foreign keys: lessons, people and organizations belong to other modules.
CREATE TABLE quiz_answer (
  id              UUID PRIMARY KEY,
  organization_id UUID NOT NULL,
  lesson_id       UUID NOT NULL,
  question_index  INT NOT NULL CHECK (question_index >= 0),
  student_id      UUID NOT NULL,
  kind            TEXT NOT NULL,
  question        TEXT NOT NULL,
  answer          TEXT NOT NULL,
  correct         BOOLEAN NOT NULL,
  self_assessed   BOOLEAN NOT NULL DEFAULT false,
  section         TEXT NOT NULL,
  attempts        INT NOT NULL DEFAULT 1,
  answered_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (lesson_id, question_index, student_id)
);
CREATE INDEX quiz_answer_student ON quiz_answer (organization_id, student_id, answered_at DESC);
--rollback DROP TABLE quiz_answer;
