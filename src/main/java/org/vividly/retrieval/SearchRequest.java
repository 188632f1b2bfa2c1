package org.vividly.retrieval;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.vividly.tenancy.OrganizationId;

/**
 * A search in one organization's library.
 *
 * @param k number of passages wanted, 1 to 1000
 * @param sourceIds restrict to these sources; empty means all of the organization's sources
 * @param kinds restrict to these chunk kinds; empty means all kinds
 * @param excludedKinds leave out these chunk kinds
 * @param sharedLibraries other organizations whose libraries are searched too (the shared open
 *     library, when the organization enables it); never the caller's choice, always its settings'
 */
public record SearchRequest(
    OrganizationId organization, String query, int k, SearchMode mode, Set<UUID> sourceIds, Set<String> kinds, Set<String> excludedKinds, Set<OrganizationId> sharedLibraries) {

  public SearchRequest(OrganizationId organization, String query, int k, SearchMode mode, Set<UUID> sourceIds, Set<String> kinds, Set<String> excludedKinds) {
    this(organization, query, k, mode, sourceIds, kinds, excludedKinds, Set.of());
  }

  public SearchRequest {
    Objects.requireNonNull(organization, "organization");
    if (query == null || query.isBlank()) throw new IllegalArgumentException("The search query is empty.");
    if (query.length() > 2000) throw new IllegalArgumentException("The search query is longer than 2000 characters.");
    if (k < 1 || k > 1000) throw new IllegalArgumentException("k must be between 1 and 1000, was " + k);
    mode = mode == null ? SearchMode.HYBRID : mode;
    sourceIds = sourceIds == null ? Set.of() : Set.copyOf(sourceIds);
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    excludedKinds = excludedKinds == null ? Set.of() : Set.copyOf(excludedKinds);
    sharedLibraries = sharedLibraries == null ? Set.of() : Set.copyOf(sharedLibraries);
  }

  /** The same search over the organization's own library and these ones. */
  public SearchRequest withLibraries(Set<OrganizationId> libraries) {
    Set<OrganizationId> others = new java.util.HashSet<>(libraries);
    others.remove(organization);
    return new SearchRequest(organization, query, k, mode, sourceIds, kinds, excludedKinds, others);
  }

  public static SearchRequest of(OrganizationId organization, String query, int k) {
    return new SearchRequest(organization, query, k, SearchMode.HYBRID, Set.of(), Set.of(), Set.of());
  }

  public SearchRequest withMode(SearchMode newMode) {
    return new SearchRequest(organization, query, k, newMode, sourceIds, kinds, excludedKinds, sharedLibraries);
  }

  /** The same search restricted to these kinds (and no longer excluding any). */
  public SearchRequest withKinds(Set<String> newKinds) {
    return new SearchRequest(organization, query, k, mode, sourceIds, newKinds, Set.of(), sharedLibraries);
  }

  public SearchRequest withK(int newK) {
    return new SearchRequest(organization, query, newK, mode, sourceIds, kinds, excludedKinds, sharedLibraries);
  }
}
