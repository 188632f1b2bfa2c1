package org.vividly.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.vividly.collections.CollectionDeleted;
import org.vividly.quota.Meter;
import org.vividly.quota.Quotas;
import org.vividly.requests.ContentRequestFinished;
import org.vividly.sources.SourceDeleted;
import org.vividly.support.IntegrationTest;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.OrganizationId;
import org.vividly.tenancy.Role;
import org.vividly.videos.VideoIndexed;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Modules hear each other's events through Spring Modulith's event publication registry on
 * PostgreSQL: a deleted source leaves collections, conversations and videos through their
 * listeners, an indexed video is filed into its collection by the collections module, and an event
 * whose listener had not run when the server stopped is handed to it again.
 */
class ModuleEventsIT extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired IncompleteEventPublications incomplete;
  @Autowired JsonMapper json;
  @Autowired Quotas quotas;

  @Override
  protected String organization() {
    return "module-events";
  }

  @Test
  void aDeletedSourceLeavesTheCollectionsAndConversationsThatHeldIt() {
    String sourceId = ingest("tides.md", "# Tides\n\nThe Moon's gravity pulls on the oceans, which raises two bulges of water that the Earth turns through each day, so most coasts see two high tides.\n".getBytes(StandardCharsets.UTF_8))
        .path("report").path("sources").get(0).path("sourceId").asString();
    String collection = json(call("POST", "/api/v1/collections", Map.of("name", "Oceans"), auth())).path("id").asString();
    assertThat(call("POST", "/api/v1/collections/" + collection + "/items", Map.of("sourceIds", List.of(sourceId)), auth()).statusCode()).isEqualTo(200);
    String conversation = json(call("POST", "/api/v1/conversations", Map.of("sourceIds", List.of(sourceId)), auth())).path("id").asString();
    assertThat(sourcesOf(conversation)).containsExactly(sourceId);
    assertThat(jdbc.sql("SELECT count(*) FROM collection_item WHERE source_id = ?::uuid").param(sourceId).query(Long.class).single()).isEqualTo(1);

    assertThat(delete("/api/v1/sources/" + sourceId).statusCode()).isEqualTo(204);

    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(jdbc.sql("SELECT count(*) FROM collection_item WHERE source_id = ?::uuid").param(sourceId).query(Long.class).single()).as("collection items").isZero();
      assertThat(sourcesOf(conversation)).as("the conversation's sources").isEmpty();
    });
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?").param("%" + sourceId + "%").query(Long.class).single()).as("publications left unfinished").isZero());
  }

  private List<String> sourcesOf(String conversation) {
    return json(get("/api/v1/conversations/" + conversation)).path("conversation").path("sourceIds").valueStream().map(JsonNode::asString).toList();
  }

  @Test
  void anEventWhoseListenerHadNotRunWhenTheServerStoppedIsHandedToItAgain() {
    OrganizationId org = organizations.resolve(organization()).id();
    String collection = json(call("POST", "/api/v1/collections", Map.of("name", "Left behind"), auth())).path("id").asString();
    UUID gone = UUID.randomUUID();
    jdbc.sql("INSERT INTO collection_item (collection_id, source_id) VALUES (?::uuid, ?)").params(collection, gone).update();
    // What a server that died between deleting the source and its listeners' work leaves behind.
    published("org.vividly.collections.internal.CollectionSourcesRemoved.on(org.vividly.sources.SourceDeleted)", new SourceDeleted(org, gone));

    // At start-up the registry resubmits what is unfinished (spring.modulith.events.republish-outstanding-events-on-restart).
    incomplete.resubmitIncompletePublications(publication -> true);

    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(jdbc.sql("SELECT count(*) FROM collection_item WHERE source_id = ?").param(gone).query(Long.class).single()).isZero());
  }

  @Test
  void aDeletedCollectionNoLongerScopesItsConversationsWhichKeepTheirOwnSources() {
    String sourceId = ingest("glaciers.md", "# Glaciers\n\nGlaciers form where more snow falls each winter than melts each summer, and the snow is pressed into ice that flows downhill under its own weight.\n".getBytes(StandardCharsets.UTF_8))
        .path("report").path("sources").get(0).path("sourceId").asString();
    String collection = json(call("POST", "/api/v1/collections", Map.of("name", "Ice"), auth())).path("id").asString();
    String conversation = json(call("POST", "/api/v1/conversations", Map.of("collectionId", collection, "sourceIds", List.of(sourceId)), auth())).path("id").asString();
    assertThat(json(get("/api/v1/conversations/" + conversation)).path("conversation").path("collectionId").asString()).isEqualTo(collection);

    assertThat(delete("/api/v1/collections/" + collection).statusCode()).isEqualTo(204);

    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonNode held = json(get("/api/v1/conversations/" + conversation)).path("conversation");
      assertThat(held.path("collectionId").isNull() || held.path("collectionId").isMissingNode()).as("collectionId of %s", held).isTrue();
      assertThat(sourcesOf(conversation)).containsExactly(sourceId);
    });
  }

  @Test
  void anIndexedVideoIsFiledIntoItsCollectionOnceEvenWhenItsEventIsHandedOverAgain() {
    OrganizationId org = organizations.resolve(organization()).id();
    String sourceId = ingest("lecture.md", "# Lecture\n\nVolcanoes form where magma from the mantle rises through cracks in the crust and erupts as lava, ash and gas.\n".getBytes(StandardCharsets.UTF_8))
        .path("report").path("sources").get(0).path("sourceId").asString();
    UUID owner = UUID.fromString(json(get("/api/v1/me")).path("id").asString());
    String collection = json(call("POST", "/api/v1/collections", Map.of("name", "Earth science"), auth())).path("id").asString();
    VideoIndexed indexed = new VideoIndexed(org, UUID.randomUUID(), UUID.fromString(sourceId), owner, UUID.fromString(collection), "Volcanoes");
    // A server that died after marking the video ready, before the collections module heard of it.
    for (int i = 0; i < 2; i++) published("org.vividly.collections.internal.VideoFiling.on(org.vividly.videos.VideoIndexed)", indexed);

    incomplete.resubmitIncompletePublications(publication -> true);

    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(json(call("GET", "/api/v1/collections/" + collection, null, auth())).path("sourceIds").valueStream().map(JsonNode::asString).toList()).containsExactly(sourceId);
      assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?").param("%" + sourceId + "%").query(Long.class).single()).as("publications left unfinished").isZero();
    });
  }

  @Test
  void aSourceDeletedJustBeforeACrashStillLeavesTheConversationsThatHeldItAtTheNextStart() {
    OrganizationId org = organizations.resolve(organization()).id();
    String sourceId = ingest("deltas.md", "# Deltas\n\nA river slows where it meets the sea and drops the sand and mud it carried, building a fan of new land called a delta.\n".getBytes(StandardCharsets.UTF_8))
        .path("report").path("sources").get(0).path("sourceId").asString();
    String conversation = json(call("POST", "/api/v1/conversations", Map.of("sourceIds", List.of(sourceId)), auth())).path("id").asString();
    published("org.vividly.chat.internal.ConversationSourcesRemoved.on(org.vividly.sources.SourceDeleted)", new SourceDeleted(org, UUID.fromString(sourceId)));

    incomplete.resubmitIncompletePublications(publication -> true);

    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sourcesOf(conversation)).isEmpty());
  }

  @Test
  void aCollectionDeletedJustBeforeACrashStillUnscopesItsConversationsAtTheNextStart() {
    OrganizationId org = organizations.resolve(organization()).id();
    String collection = json(call("POST", "/api/v1/collections", Map.of("name", "Crashed"), auth())).path("id").asString();
    String conversation = json(call("POST", "/api/v1/conversations", Map.of("collectionId", collection), auth())).path("id").asString();
    // What a server that died between deleting the collection and chat's listener leaves behind.
    jdbc.sql("DELETE FROM collection WHERE id = ?::uuid").param(collection).update();
    published("org.vividly.chat.internal.ConversationCollectionsRemoved.on(org.vividly.collections.CollectionDeleted)", new CollectionDeleted(org, UUID.fromString(collection)));

    incomplete.resubmitIncompletePublications(publication -> true);

    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(jdbc.sql("SELECT collection_id FROM conversation WHERE id = ?::uuid").param(conversation).query(UUID.class).optional()).isEmpty());
  }

  @Test
  void aRequestThatFailedJustBeforeACrashGetsItsQuotaUnitBackAtTheNextStart() {
    OrganizationId org = organizations.resolve(organization()).id();
    Caller student = member(organization(), Role.STUDENT, "crashed-request");
    UUID request = UUID.randomUUID();
    quotas.reserve(org, student.userId(), Meter.VIDEO, request);
    int used = quotas.usage(org, student.userId()).video().used();
    published("org.vividly.requests.internal.FailedRequests.on(org.vividly.requests.ContentRequestFinished)",
        new ContentRequestFinished(org, request, "failed", Map.of("video", "failed"), java.math.BigDecimal.ZERO, 10));

    incomplete.resubmitIncompletePublications(publication -> true);

    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(jdbc.sql("SELECT status FROM quota_reservation WHERE request_id = ?").param(request).query(String.class).single()).isEqualTo("released");
      assertThat(quotas.usage(org, student.userId()).video().used()).isEqualTo(used - 1);
    });
  }

  /** Stores a publication of {@code event} for {@code listener} that a server which stopped had not finished. */
  private void published(String listener, Object event) {
    jdbc.sql("INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status, completion_attempts) VALUES (?, ?, ?, ?, ?, 'PUBLISHED', 1)")
        .params(UUID.randomUUID(), listener, event.getClass().getName(), json.writeValueAsString(event), java.sql.Timestamp.from(Instant.now().minusSeconds(60)))
        .update();
  }

  @Test
  void deletingAnOrganizationEndsTheSessionsOfItsPeople() {
    String token = "Bearer " + signIn(member("module-events-doomed", org.vividly.tenancy.Role.TEACHER, "teacher"));
    assertThat(call("GET", "/api/v1/me", null, token).statusCode()).isEqualTo(200);
    String superAdmin = "Bearer " + org.vividly.support.ApiCalls.signIn(url(""), "admin@vividly.local", org.vividly.support.OwnServer.ADMIN_PASSWORD);
    UUID doomed = organizations.findBySlug("module-events-doomed").orElseThrow().id().value();
    assertThat(call("DELETE", "/api/v1/organizations/" + doomed, null, superAdmin).statusCode()).isEqualTo(204);
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(call("GET", "/api/v1/me", null, token).statusCode()).isEqualTo(401));
  }
}
