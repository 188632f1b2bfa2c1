package org.vividly.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vividly.support.S3rver;

/** The contract on a real S3-protocol server (s3rver), each test in a bucket of its own. */
class S3MediaObjectsIT extends MediaObjectsContract {

  private S3MediaObjects objects;
  private String bucket;

  @BeforeEach
  void connect() {
    bucket = "media-" + UUID.randomUUID().toString().substring(0, 8);
    objects = S3MediaObjects.connect(settings(bucket, "school-a/media"));
  }

  static MediaProperties.S3 settings(String bucket, String prefix) {
    return new MediaProperties.S3(S3rver.endpoint(), "us-east-1", bucket, prefix, S3rver.ACCESS_KEY, S3rver.SECRET_KEY, true, true);
  }

  @AfterEach
  void close() {
    objects.close();
  }

  @Override
  MediaObjects objects() {
    return objects;
  }

  @Test
  void createsItsBucketOnceAndKeysContentUnderItsPrefix() throws Exception {
    byte[] content = randomBytes(10, 6);
    String hash = sha256(content);
    objects.put(hash, file(content), "text/plain");
    assertThat(objects.location()).isEqualTo("s3://" + bucket + "/school-a/media/");

    try (S3MediaObjects again = S3MediaObjects.connect(settings(bucket, "school-a/media/"))) {
      assertThat(again.exists(hash)).as("a second server sees what the first stored").isTrue();
    }
    try (S3MediaObjects otherPrefix = S3MediaObjects.connect(settings(bucket, "school-b"))) {
      assertThat(otherPrefix.exists(hash)).isFalse();
    }
  }

  @Test
  void normalizesPrefixes() {
    assertThat(S3MediaObjects.normalizedPrefix("")).isEmpty();
    assertThat(S3MediaObjects.normalizedPrefix("/media")).isEqualTo("media/");
    assertThat(S3MediaObjects.normalizedPrefix("a/b/")).isEqualTo("a/b/");
  }
}
