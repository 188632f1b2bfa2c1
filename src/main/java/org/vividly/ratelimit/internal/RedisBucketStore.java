package org.vividly.ratelimit.internal;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;

/**
 * Buckets in Redis through Lettuce, updated with compare-and-swap, so every server sharing the
 * Redis enforces one limit. Keys expire once their bucket would be full again.
 */
final class RedisBucketStore implements ClosableStore {

  private final RedisClient client;
  private final StatefulRedisConnection<String, byte[]> connection;
  private final ProxyManager<String> buckets;
  private final String prefix;

  RedisBucketStore(String url, String prefix) {
    this.client = RedisClient.create(url);
    try {
      this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    } catch (RuntimeException e) {
      client.shutdown();
      throw new IllegalStateException("vividly.rate-limit.store is redis, but Redis at " + url + " cannot be reached (" + e.getMessage() + "). Start Redis, fix vividly.rate-limit.redis.url, or use store=memory.", e);
    }
    this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
        .build();
    this.prefix = prefix;
  }

  @Override
  public ConsumptionProbe consume(String key, BucketConfiguration configuration) {
    return buckets.builder().build(prefix + key, () -> configuration).tryConsumeAndReturnRemaining(1);
  }

  @Override
  public void refund(String key, BucketConfiguration configuration) {
    buckets.builder().build(prefix + key, () -> configuration).addTokens(1);
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
