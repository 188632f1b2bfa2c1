package org.vividly.jobs.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Background job settings.
 *
 * @param libraryWorkers jobs of the library queue (ingestion, reindex, evaluation, benchmarks) run
 *     at the same time on this server; 1 keeps the embedding model to one job on a small machine
 * @param mediaWorkers jobs of the media queue (fetching and transcribing recordings) run at the same time
 * @param heartbeat how often a running job proves its server is alive; a job whose server died is
 *     taken over after {@code missedHeartbeats} of these (30 s by default: long enough that a busy
 *     2-core server embedding a book is never taken for dead, short enough to resume soon)
 * @param missedHeartbeats see {@code heartbeat}
 * @param pollInterval how often idle workers look for queued jobs (a job submitted here starts at once)
 * @param maxAttempts runs of a job whose server keeps dying under it before it fails
 */
@ConfigurationProperties("vividly.jobs")
public record JobsProperties(
    @DefaultValue("1") int libraryWorkers,
    @DefaultValue("1") int mediaWorkers,
    @DefaultValue("5s") Duration heartbeat,
    @DefaultValue("6") int missedHeartbeats,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("3") int maxAttempts) {}
