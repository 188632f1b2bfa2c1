package org.vividly.media.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Media content in S3-compatible object storage (AWS S3, MinIO, Ceph RGW, s3rver), through the AWS
 * SDK for Java v2. Keys are {@code <prefix><first two hex digits>/<sha256>}, as on disk. An S3 PUT
 * is atomic, so a reader never sees half an object; reads from an offset are ranged GETs ({@code
 * Range: bytes=N-}, RFC 9110 section 14), so a player seeking in a video costs only the bytes it
 * plays.
 *
 * <p>Uploads are plain signed PUTs, not aws-chunked, and checksums are sent and checked only where
 * S3 requires them: several S3-compatible servers do not read aws-chunked bodies or the SDK's
 * default checksum trailers (s3rver stores the chunk headers inside the object), and each object's
 * key is already the SHA-256 of its content.
 */
public final class S3MediaObjects implements MediaObjects, AutoCloseable {

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  S3MediaObjects(S3Client s3, String bucket, String prefix) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
  }

  /** Connects with the given settings and, when asked to, creates the bucket if it is missing. */
  public static S3MediaObjects connect(MediaProperties.S3 settings) {
    if (settings.bucket().isBlank()) throw new IllegalStateException("vividly.media.store.s3.bucket must name a bucket");
    AwsCredentialsProvider credentials = settings.accessKey().isBlank()
        ? DefaultCredentialsProvider.builder().build()
        : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    var builder = S3Client.builder()
        .region(Region.of(settings.region()))
        .credentialsProvider(credentials)
        // Plain (not aws-chunked) uploads: s3rver and some S3-compatible servers store aws-chunked
        // bodies with their chunk headers in them.
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).chunkedEncodingEnabled(false).build())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (!settings.endpoint().isBlank()) builder.endpointOverride(URI.create(settings.endpoint()));
    S3Client client = builder.build();
    var objects = new S3MediaObjects(client, settings.bucket(), normalizedPrefix(settings.prefix()));
    try {
      if (settings.createBucket()) objects.createBucketIfMissing();
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    return objects;
  }

  static String normalizedPrefix(String prefix) {
    String p = prefix.strip().replaceAll("^/+", "");
    return p.isEmpty() || p.endsWith("/") ? p : p + "/";
  }

  void createBucketIfMissing() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      s3.createBucket(b -> b.bucket(bucket));
    } catch (S3Exception e) {
      if (e.statusCode() != 404) throw e;
      s3.createBucket(b -> b.bucket(bucket));
    }
  }

  @Override
  public boolean exists(String sha256) throws IOException {
    return size(sha256).isPresent();
  }

  @Override
  public void put(String sha256, Path file, String contentType) throws IOException {
    if (exists(sha256)) return;
    try {
      s3.putObject(b -> b.bucket(bucket).key(key(sha256)).contentType(contentType), RequestBody.fromFile(file));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (SdkException e) {
      throw new IOException("Could not store " + sha256 + " in s3://" + bucket + "/" + prefix + ": " + e.getMessage(), e);
    }
  }

  @Override
  public OptionalLong size(String sha256) throws IOException {
    try {
      return OptionalLong.of(s3.headObject(b -> b.bucket(bucket).key(key(sha256))).contentLength());
    } catch (NoSuchKeyException e) {
      return OptionalLong.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) return OptionalLong.empty();
      throw new IOException("Could not read s3://" + bucket + "/" + key(sha256) + ": " + e.getMessage(), e);
    } catch (SdkException e) {
      throw new IOException("Could not reach s3://" + bucket + ": " + e.getMessage(), e);
    }
  }

  @Override
  public InputStream open(String sha256, long offset) throws IOException {
    if (offset < 0) throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
    try {
      ResponseInputStream<GetObjectResponse> response = s3.getObject(b -> {
        b.bucket(bucket).key(key(sha256));
        if (offset > 0) b.range("bytes=" + offset + "-");
      });
      // Closing early must not read the rest of a large object first: abort the connection instead.
      return new FilterInputStream(response) {
        private boolean drained;

        @Override
        public int read() throws IOException {
          int b = super.read();
          drained |= b < 0;
          return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
          int n = super.read(buffer, off, len);
          drained |= n < 0;
          return n;
        }

        @Override
        public void close() throws IOException {
          if (!drained) response.abort();
          super.close();
        }
      };
    } catch (NoSuchKeyException e) {
      throw new NoSuchFileException("s3://" + bucket + "/" + key(sha256));
    } catch (S3Exception e) {
      if (e.statusCode() == 404) throw new NoSuchFileException("s3://" + bucket + "/" + key(sha256));
      if (e.statusCode() == 416) return InputStream.nullInputStream(); // the offset is at or past the end
      throw new IOException("Could not read s3://" + bucket + "/" + key(sha256) + ": " + e.getMessage(), e);
    } catch (SdkException e) {
      throw new IOException("Could not reach s3://" + bucket + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void delete(String sha256) throws IOException {
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(key(sha256)));
    } catch (SdkException e) {
      throw new IOException("Could not delete s3://" + bucket + "/" + key(sha256) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public String location() {
    return "s3://" + bucket + "/" + prefix;
  }

  @Override
  public void close() {
    s3.close();
  }

  private String key(String sha256) {
    MediaObjects.requireAddress(sha256);
    return prefix + sha256.substring(0, 2) + "/" + sha256;
  }
}
