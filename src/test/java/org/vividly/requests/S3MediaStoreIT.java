package org.vividly.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.vividly.support.ApiCalls;
import org.vividly.support.Media;
import org.vividly.support.OwnServer;
import org.vividly.support.S3rver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;

/**
 * The server with {@code vividly.media.store.type=s3} on a real S3-protocol server: a lesson's
 * files land in the bucket (not on the server's disk), play with range requests through the API,
 * and go when the request is deleted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3MediaStoreIT {

  private static final String BUCKET = "vividly-it-media";

  @DynamicPropertySource
  static void s3(DynamicPropertyRegistry registry) {
    // A database of its own, so no other test context's render worker takes this one's renders.
    OwnServer.register(registry, "s3media");
    registry.add("vividly.media.store.type", () -> "s3");
    registry.add("vividly.media.store.s3.endpoint", S3rver::endpoint);
    registry.add("vividly.media.store.s3.bucket", () -> BUCKET);
    registry.add("vividly.media.store.s3.access-key", () -> S3rver.ACCESS_KEY);
    registry.add("vividly.media.store.s3.secret-key", () -> S3rver.SECRET_KEY);
  }

  @Value("${vividly.storage.data-dir}")
  Path dataDir;

  @Value("${local.server.port}")
  int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private RestClient api;
  private String auth;
  private S3Client s3;

  @BeforeAll
  void library() throws Exception {
    assumeThat(Media.installed("ffmpeg") && Media.installed("festival")).as("ffmpeg and festival are needed: apt-get install ffmpeg festival festvox-us-slt-hts").isTrue();
    String base = "http://localhost:" + port;
    auth = "Bearer " + ApiCalls.signIn(base, "admin@vividly.local", OwnServer.ADMIN_PASSWORD);
    api = RestClient.builder().baseUrl(base).defaultHeader("Authorization", auth).build();
    assertThat(ApiCalls.ingest(api, "/demo/photosynthesis.md").path("status").asString()).isEqualTo("succeeded");
    s3 = S3Client.builder().endpointOverride(URI.create(S3rver.endpoint())).region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3rver.ACCESS_KEY, S3rver.SECRET_KEY))).build();
  }

  @AfterAll
  void close() {
    if (s3 != null) s3.close();
  }

  @Test
  void aLessonsFilesLiveInTheBucketPlayWithRangesAndGoWithTheRequest() throws Exception {
    String id = api.post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("question", "How do plants make food from sunlight?", "grade", 7, "modalities", List.of("text", "audio"))).retrieve().body(JsonNode.class).path("id").asString();
    JsonNode done = ApiCalls.awaitRequest(api, id, Duration.ofMinutes(3));
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");

    List<String> stored = objects().stream().map(S3Object::key).toList();
    JsonNode audio = file(done, "narration.m4a");
    assertThat(stored).as("lesson.md, narration.m4a and the captions are objects under media/").hasSizeGreaterThanOrEqualTo(4).allMatch(k -> k.matches("media/[0-9a-f]{2}/[0-9a-f]{64}"));
    assertThat(Files.exists(dataDir.resolve("media"))).as("nothing on the server's disk").isFalse();

    String link = "http://localhost:" + port + audio.path("url").asString();
    HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(URI.create(link)).header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.headers().firstValue("Content-Type")).hasValue("audio/mp4");
    assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
    byte[] content = whole.body();
    assertThat(content.length).isGreaterThan(10_000);
    assertThat(content.length).isEqualTo(audio.path("sizeBytes").asLong());
    assertThat(stored).contains("media/" + sha256(content).substring(0, 2) + "/" + sha256(content));

    HttpResponse<byte[]> middle = range(link, "bytes=5000-5999");
    assertThat(middle.statusCode()).isEqualTo(206);
    assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 5000-5999/" + content.length);
    assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(content, 5000, 6000));
    HttpResponse<byte[]> tail = range(link, "bytes=-100");
    assertThat(tail.statusCode()).isEqualTo(206);
    assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(content, content.length - 100, content.length));
    HttpResponse<byte[]> past = range(link, "bytes=" + content.length + "-");
    assertThat(past.statusCode()).isEqualTo(416);

    assertThat(api.delete().uri("/api/v1/requests/{id}", id).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(204);
    assertThat(objects()).as("content no other file names is deleted").isEmpty();
  }

  private static String sha256(byte[] content) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
  }

  @Test
  void healthNamesTheBucketToAdmins() {
    JsonNode store = api.get().uri("/actuator/health").retrieve().body(JsonNode.class).path("components").path("mediaStore");
    assertThat(store.path("status").asString()).isEqualTo("UP");
    assertThat(store.path("details").path("location").asString()).isEqualTo("s3://" + BUCKET + "/media/");
  }

  private List<S3Object> objects() {
    return s3.listObjectsV2(b -> b.bucket(BUCKET)).contents();
  }

  private HttpResponse<byte[]> range(String link, String range) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(link)).header("Authorization", auth).header("Range", range).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static JsonNode file(JsonNode request, String name) {
    return request.path("files").valueStream().filter(f -> f.path("name").asString().equals(name)).findFirst().orElseThrow();
  }
}
