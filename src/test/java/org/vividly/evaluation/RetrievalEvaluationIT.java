package org.vividly.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.vividly.support.IntegrationTest;
import org.vividly.support.Zip;
import tools.jackson.databind.JsonNode;

/** A tiny BEIR dataset whose answers are obvious, through the evaluation API. */
class RetrievalEvaluationIT extends IntegrationTest {

  @Override
  protected String organization() {
    return "evaluation-it";
  }

  @Test
  void scoresEveryModeOnATinyBeirDataset() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("corpus.jsonl", """
        {"_id": "d1", "title": "Photosynthesis", "text": "Plants convert sunlight, water and carbon dioxide into glucose and oxygen."}
        {"_id": "d2", "title": "Volcanoes", "text": "Magma rises through the crust and erupts as lava from a volcano."}
        {"_id": "d3", "title": "Tides", "text": "The gravity of the Moon pulls on the oceans and causes tides."}
        """.getBytes(StandardCharsets.UTF_8));
    files.put("queries.jsonl", """
        {"_id": "q1", "text": "How do plants turn sunlight into glucose?"}
        {"_id": "q2", "text": "What causes ocean tides?"}
        """.getBytes(StandardCharsets.UTF_8));
    files.put("qrels/test.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td3\t1\n".getBytes(StandardCharsets.UTF_8));
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(Zip.of(files)) {
      @Override
      public String getFilename() {
        return "tiny.zip";
      }
    });
    JsonNode job = RestClient.create(url("")).post().uri("/api/v1/evaluations/retrieval").header("Authorization", auth()).contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(JsonNode.class);
    job = awaitJob(job.path("id").asString(), java.time.Duration.ofMinutes(2));
    assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("succeeded");
    JsonNode report = job.path("report");
    assertThat(report.path("queries").asInt()).isEqualTo(2);
    assertThat(report.path("documents").asInt()).isEqualTo(3);
    assertThat(report.path("modes").findValuesAsString("mode")).containsExactly("BM25", "VECTOR", "HYBRID");
    report.path("modes").forEach(m -> {
      assertThat(m.path("ndcgAt10").asDouble()).as(m.toString()).isEqualTo(1.0);
      assertThat(m.path("recallAt100").asDouble()).isEqualTo(1.0);
    });
  }

  @Test
  void aFolderThatIsNotBeirIsRefused() {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(Zip.of(Map.of("readme.md", "# hi".getBytes()))) {
      @Override
      public String getFilename() {
        return "not-beir.zip";
      }
    });
    var response = RestClient.create(url("")).post().uri("/api/v1/evaluations/retrieval").header("Authorization", auth()).contentType(MediaType.MULTIPART_FORM_DATA).body(parts).exchange((req, res) -> new Object[] {res.getStatusCode().value(), new String(res.getBody().readAllBytes())});
    assertThat(response[0]).isEqualTo(400);
    assertThat((String) response[1]).contains("corpus.jsonl, queries.jsonl and qrels/test.tsv");
  }
}
