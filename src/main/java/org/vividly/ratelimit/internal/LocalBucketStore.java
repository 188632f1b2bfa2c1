package org.vividly.ratelimit.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/** Buckets in this server's memory; a bucket untouched for two hours (full again by then) is dropped. */
final class LocalBucketStore implements ClosableStore {

  private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(2)).maximumSize(1_000_000).build();

  @Override
  public ConsumptionProbe consume(String key, BucketConfiguration configuration) {
    return bucket(key, configuration).tryConsumeAndReturnRemaining(1);
  }

  @Override
  public void refund(String key, BucketConfiguration configuration) {
    bucket(key, configuration).addTokens(1);
  }

  private Bucket bucket(String key, BucketConfiguration configuration) {
    return buckets.get(key, k -> {
      var builder = Bucket.builder();
      for (var bandwidth : configuration.getBandwidths()) builder.addLimit(bandwidth);
      return builder.build();
    });
  }

  @Override
  public void close() {}
}
