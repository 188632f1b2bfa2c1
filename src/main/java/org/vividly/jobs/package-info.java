/**
 * Jobs: long-running work (ingestion, reindexing, evaluation) tracked in the {@code job} table with
 * live progress. Jobs run one at a time on a single worker, in order of submission, so writes to
 * the search index never interleave.
 */
package org.vividly.jobs;
