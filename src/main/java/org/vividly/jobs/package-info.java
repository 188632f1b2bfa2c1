/**
 * Jobs: long-running background work (ingestion, reindexing, transcription, evaluation,
 * benchmarks) tracked in the {@code job} table with live progress and run on db-scheduler. Each
 * kind has a {@link org.vividly.jobs.JobHandler}; a job's data is ids and paths, so a job whose
 * server died runs again on the next server that runs. Work is split into queues with their own
 * workers ({@code vividly.jobs.workers.library}, {@code vividly.jobs.workers.media}), so one long
 * transcription does not hold up a book.
 */
package org.vividly.jobs;
