package org.vividly.retrieval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vividly.retrieval.Citation;
import org.vividly.retrieval.IndexedChunk;
import org.vividly.retrieval.SearchHit;
import org.vividly.retrieval.SearchMode;
import org.vividly.retrieval.SearchRequest;
import org.vividly.tenancy.OrganizationId;

/**
 * What every {@link SearchIndex} adapter must do: tenancy on every query, commit and rollback,
 * deletes, BM25 with the question words left out, vectors, hybrid fusion and filters. Subclassed
 * once per adapter; each test starts on an empty index.
 */
abstract class SearchIndexContract {

  static final OrganizationId A = new OrganizationId(UUID.randomUUID());
  static final OrganizationId B = new OrganizationId(UUID.randomUUID());
  SearchIndex index;
  final Random random = new Random(42);
  final UUID source = UUID.randomUUID();
  final UUID section = UUID.randomUUID();
  long nextId = 1;

  /** An empty index with RRF k = 60 and 100 candidates per leg, and 16-dimensional vectors. */
  abstract SearchIndex open();

  @BeforeEach
  void openIndex() {
    index = open();
  }

  float[] vector(int seed) {
    Random r = new Random(seed);
    float[] v = new float[16];
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
      norm += v[i] * v[i];
    }
    for (int i = 0; i < v.length; i++) v[i] /= (float) Math.sqrt(norm);
    return v;
  }

  IndexedChunk chunk(OrganizationId org, String kind, String text, float[] vector, UUID sectionId) {
    return new IndexedChunk(org, kind, text, new Citation(nextId++, source, "Book", sectionId, "k", List.of("Book", "Chapter", "Section"), null), vector);
  }

  List<SearchHit> search(OrganizationId org, String q, SearchMode mode, float[] vector) {
    return index.search(new SearchRequest(org, q, 10, mode, Set.of(), Set.of(), Set.of()), vector).hits();
  }

  @Test
  void anOrganizationNeverSeesAnotherOrganizationsPassages() {
    List<IndexedChunk> chunks = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      chunks.add(chunk(A, "text", "gravity pulls objects down " + i, vector(i), section));
      chunks.add(chunk(B, "text", "gravity pulls objects down " + i, vector(i), section));
    }
    index.add(chunks);
    index.commit();
    for (SearchMode mode : SearchMode.values()) {
      List<SearchHit> hits = search(A, "gravity", mode, vector(3));
      assertThat(hits).isNotEmpty();
      assertThat(hits).allSatisfy(h -> assertThat(h.citation().passageId() % 2).as("org A's ids are odd").isEqualTo(1));
    }
  }

  @Test
  void uncommittedWritesAreInvisibleAndRollbackDropsThem() {
    index.add(List.of(chunk(A, "text", "terminal velocity of a skydiver", vector(1), section)));
    assertThat(search(A, "terminal velocity", SearchMode.BM25, null)).isEmpty();
    index.rollback();
    index.commit();
    assertThat(search(A, "terminal velocity", SearchMode.BM25, null)).isEmpty();
    assertThat(index.size()).isZero();
  }

  @Test
  void deletingASectionRemovesItsChunks() {
    UUID other = UUID.randomUUID();
    index.add(List.of(chunk(A, "text", "inertia keeps objects at rest", vector(1), section), chunk(A, "text", "inertia of a moving car", vector(2), other)));
    index.commit();
    index.deleteSections(List.of(section));
    index.commit();
    assertThat(search(A, "inertia", SearchMode.BM25, null)).extracting(h -> h.citation().sectionId()).containsExactly(other);
  }

  @Test
  void hybridRanksAPassageGoodOnBothLegsFirst() {
    float[] query = vector(7);
    index.add(List.of(
        chunk(A, "text", "momentum is mass times velocity", vector(100), section),
        chunk(A, "text", "an unrelated text about cooking pasta", query, section),
        chunk(A, "text", "momentum and impulse explained", query, section)));
    index.commit();
    List<SearchHit> hits = search(A, "momentum", SearchMode.HYBRID, query);
    assertThat(hits.getFirst().text()).isEqualTo("momentum and impulse explained");
    assertThat(hits.getFirst().similarity()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void filtersByKind() {
    index.add(List.of(chunk(A, "exercise", "a car accelerates; find its speed", vector(1), section), chunk(A, "text", "a car accelerates when the net force is not zero", vector(2), section)));
    index.commit();
    List<SearchHit> hits = index.search(new SearchRequest(A, "car accelerates", 10, SearchMode.HYBRID, Set.of(), Set.of("exercise"), Set.of()), vector(1)).hits();
    assertThat(hits).extracting(SearchHit::kind).containsOnly("exercise");
    hits = index.search(new SearchRequest(A, "car accelerates", 10, SearchMode.HYBRID, Set.of(), Set.of(), Set.of("exercise")), vector(1)).hits();
    assertThat(hits).extracting(SearchHit::kind).containsOnly("text");
  }

  @Test
  void aQueryOfOnlyStopWordsFindsNothingLexically() {
    index.add(List.of(chunk(A, "text", "the and of", vector(1), section)));
    index.commit();
    assertThat(search(A, "the of and", SearchMode.BM25, null)).isEmpty();
  }

  @Test
  void aQuestionsInterrogativesAndFillersDoNotMatchLexically() {
    index.add(List.of(chunk(A, "objectives", "Explain why some solutions absorb heat when they form and how they do", vector(1), section), chunk(A, "text", "A sled on a steep slope speeds up faster", vector(2), section)));
    index.commit();
    assertThat(search(A, "why does a sled go faster", SearchMode.BM25, null)).extracting(SearchHit::kind).containsExactly("text");
    assertThat(search(A, "why do you really think so", SearchMode.BM25, null)).isEmpty();
    assertThat(search(A, "explain solutions", SearchMode.BM25, null)).extracting(SearchHit::kind).containsExactly("objectives");
  }

  @Test
  void reindexingASectionInOneCommitKeepsOnlyItsNewChunks() {
    index.add(List.of(chunk(A, "text", "buoyancy pushes a boat up", vector(1), section)));
    index.commit();
    index.deleteSections(List.of(section));
    index.add(List.of(chunk(A, "text", "buoyancy equals the weight of displaced water", vector(2), section)));
    index.commit();
    assertThat(search(A, "buoyancy", SearchMode.BM25, null)).extracting(SearchHit::text).containsExactly("buoyancy equals the weight of displaced water");
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void aHitCarriesItsWholeCitation() {
    var timed = new IndexedChunk(A, "transcript", "Here the lecturer explains convection currents", new Citation(nextId++, source, "Lecture 3", section, "lecture-3", List.of("Lecture 3", "Convection"), "t=61", 61.5, 92.25), vector(9));
    index.add(List.of(timed));
    index.commit();
    SearchHit hit = search(A, "convection currents", SearchMode.HYBRID, vector(9)).getFirst();
    assertThat(hit.kind()).isEqualTo("transcript");
    assertThat(hit.text()).isEqualTo(timed.text());
    assertThat(hit.citation()).isEqualTo(timed.citation());
    assertThat(hit.similarity()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void deletesASourceOrEverything() {
    UUID otherSource = UUID.randomUUID();
    index.add(List.of(
        chunk(A, "text", "friction slows a sliding box", vector(1), section),
        new IndexedChunk(A, "text", "friction heats your hands", new Citation(nextId++, otherSource, "Other", UUID.randomUUID(), "k", List.of("Other"), null), vector(2))));
    index.commit();
    assertThat(index.size()).isEqualTo(2);
    index.deleteSource(source);
    index.commit();
    assertThat(search(A, "friction", SearchMode.BM25, null)).extracting(h -> h.citation().sourceId()).containsExactly(otherSource);
    index.deleteAll();
    index.commit();
    assertThat(index.size()).isZero();
  }

  @Test
  void searchesOnlyTheChosenSourcesAndSharedLibrariesWhenAsked() {
    UUID otherSource = UUID.randomUUID();
    index.add(List.of(
        chunk(A, "text", "a lever multiplies force", vector(1), section),
        new IndexedChunk(A, "text", "a lever has a fulcrum", new Citation(nextId++, otherSource, "Other", UUID.randomUUID(), "k", List.of("Other"), null), vector(2)),
        chunk(B, "text", "a lever in the shared library", vector(3), section)));
    index.commit();
    assertThat(index.search(new SearchRequest(A, "lever", 10, SearchMode.BM25, Set.of(otherSource), Set.of(), Set.of()), null).hits())
        .extracting(h -> h.citation().sourceId()).containsExactly(otherSource);
    assertThat(search(A, "lever", SearchMode.BM25, null)).hasSize(2);
    assertThat(index.search(SearchRequest.of(A, "lever", 10).withMode(SearchMode.BM25).withLibraries(Set.of(B)), null).hits()).hasSize(3);
  }

  @Test
  void queryCharactersAreWordsNotSyntax() {
    index.add(List.of(chunk(A, "text", "F = ma: force AND mass (times) acceleration", vector(1), section)));
    index.commit();
    assertThat(search(A, "what is \"F = ma\"? force: mass* AND (acceleration) OR NOT {x} [y]", SearchMode.BM25, null)).hasSize(1);
    assertThat(search(A, "NOT", SearchMode.BM25, null)).isEmpty();
  }

  @Test
  void indexesABookSizedCommitInOneGo() {
    List<IndexedChunk> chunks = new ArrayList<>();
    String filler = " A longer passage of the kind a textbook section has, with several sentences about forces and motion.".repeat(12);
    for (int i = 0; i < 1500; i++) chunks.add(chunk(A, "text", "chunk" + i + filler, vector(i), section));
    index.add(chunks);
    index.commit();
    assertThat(index.size()).isEqualTo(1500);
    assertThat(search(A, "chunk1234", SearchMode.BM25, null)).extracting(SearchHit::text).first().asString().startsWith("chunk1234 ");
  }
}
