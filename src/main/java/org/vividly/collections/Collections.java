package org.vividly.collections;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vividly.collections.internal.CollectionStore;
import org.vividly.common.Forbidden;
import org.vividly.common.InvalidRequest;
import org.vividly.common.NotFound;
import org.vividly.identity.Account;
import org.vividly.identity.Accounts;
import org.vividly.sources.Sources;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Organizations;
import org.vividly.tenancy.Schools;

/**
 * Collections and their members. A person sees the collections they are a member of; an
 * organization admin sees and may manage all of the organization's. A collection the caller may
 * not see answers 404, one they may see but not change 403.
 */
@Service
public class Collections {

  private final CollectionStore store;
  private final Accounts accounts;
  private final Sources sources;
  private final Organizations organizations;
  private final Schools schools;
  private final ApplicationEventPublisher events;

  private final org.vividly.common.PublicUrl publicUrl;

  Collections(CollectionStore store, Accounts accounts, Sources sources, Organizations organizations, Schools schools, ApplicationEventPublisher events, org.vividly.common.PublicUrl publicUrl) {
    this.publicUrl = publicUrl;
    this.events = events;
    this.schools = schools;
    this.store = store;
    this.accounts = accounts;
    this.sources = sources;
    this.organizations = organizations;
  }

  /** The caller's collections, their default "Uncategorized" one first (created on first use). */
  @Transactional
  public List<SourceCollection> list(Caller caller) {
    store.defaultCollection(caller.organization(), caller.userId());
    List<CollectionStore.Row> rows = store.list(caller.organization(), caller.userId(), caller.role().isAdmin());
    Map<UUID, List<UUID>> items = store.items(caller.organization(), rows.stream().map(CollectionStore.Row::id).toList());
    Map<UUID, String> names = names(caller, rows.stream().map(CollectionStore.Row::ownerId).toList());
    return rows.stream().map(r -> view(caller, r, items.getOrDefault(r.id(), List.of()), names)).toList();
  }

  /** @throws NotFound when it does not exist in the caller's organization or they are not a member */
  public SourceCollection get(Caller caller, UUID id) {
    CollectionStore.Row row = row(caller, id, CollectionRole.VIEWER);
    return view(caller, row, store.items(caller.organization(), id), names(caller, List.of(row.ownerId())));
  }

  /** The caller's default collection, created on first use. */
  @Transactional
  public SourceCollection defaultCollection(Caller caller) {
    return get(caller, store.defaultCollection(caller.organization(), caller.userId()));
  }

  @Transactional
  public SourceCollection create(Caller caller, CollectionDetails details) {
    return get(caller, store.insert(caller.organization(), caller.userId(), details, false));
  }

  /** Renames it or changes its metadata. The default collection keeps its name. */
  @Transactional
  public SourceCollection update(Caller caller, UUID id, CollectionDetails details) {
    CollectionStore.Row row = row(caller, id, CollectionRole.EDITOR);
    if (row.isDefault() && !details.name().equals(row.details().name())) throw new InvalidRequest("The default collection keeps its name, \"" + row.details().name() + "\".");
    store.update(caller.organization(), id, details);
    return get(caller, id);
  }

  /** Deletes it; its videos and documents stay in the library. Announces {@link CollectionDeleted}. */
  @Transactional
  public void delete(Caller caller, UUID id) {
    CollectionStore.Row row = row(caller, id, CollectionRole.OWNER);
    if (row.isDefault()) throw new InvalidRequest("The default collection, \"" + row.details().name() + "\", cannot be deleted.");
    store.delete(caller.organization(), id);
    events.publishEvent(new CollectionDeleted(caller.organization(), id));
  }

  /**
   * Adds sources (a video's source, a book, a document) the caller can read: their organization's
   * or a shared library's.
   *
   * @throws NotFound when a source does not exist in a library the caller reads
   */
  @Transactional
  public SourceCollection add(Caller caller, UUID id, Set<UUID> sourceIds) {
    row(caller, id, CollectionRole.EDITOR);
    var libraries = organizations.searchable(caller.organization());
    for (UUID sourceId : sourceIds) {
      sources.get(libraries, sourceId);
      store.addItem(id, sourceId);
    }
    return get(caller, id);
  }

  /**
   * Files a new source into a collection on its owner's behalf, without a role check: used when a
   * video someone added (to a collection they could edit at the time) finishes indexing.
   *
   * @param collectionId the collection, or null for the owner's default collection
   */
  @Transactional
  public void file(org.vividly.tenancy.OrganizationId org, UUID owner, UUID collectionId, UUID sourceId) {
    UUID target = collectionId;
    if (target == null || store.find(org, owner, target).isEmpty()) target = store.defaultCollection(org, owner);
    store.addItem(target, sourceId);
  }

  @Transactional
  public SourceCollection remove(Caller caller, UUID id, UUID sourceId) {
    row(caller, id, CollectionRole.EDITOR);
    if (!store.removeItem(id, sourceId)) throw new NotFound("Collection item", sourceId);
    return get(caller, id);
  }

  /**
   * Whether the caller may add to the collection.
   *
   * @throws NotFound when they cannot see it
   * @throws Forbidden when they may only view it
   */
  public void requireEditor(Caller caller, UUID id) {
    row(caller, id, CollectionRole.EDITOR);
  }

  /** The sources of a collection the caller may see, for a conversation over it. */
  public Set<UUID> sourceIds(Caller caller, UUID id) {
    row(caller, id, CollectionRole.VIEWER);
    return new HashSet<>(store.items(caller.organization(), id));
  }

  public List<CollectionMember> members(Caller caller, UUID id) {
    row(caller, id, CollectionRole.VIEWER);
    List<Map.Entry<UUID, CollectionRole>> members = store.members(id);
    Map<UUID, Account> people = new java.util.HashMap<>();
    for (Account a : accounts.list(caller.organization(), null, members.stream().map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet()))) people.put(a.id(), a);
    List<CollectionMember> out = new ArrayList<>();
    for (var m : members) {
      Account a = people.get(m.getKey());
      // Email addresses are for administrators; members see names and roles.
      if (a != null) out.add(new CollectionMember(a.id(), a.displayName(), caller.role().isAdmin() ? a.email() : null, m.getValue()));
    }
    return out;
  }

  /**
   * People the caller may share a collection with whose name contains {@code query}: at most ten,
   * not yet members, among those the caller may see ({@link Schools#contacts}).
   *
   * @throws Forbidden when the caller is not an owner of the collection
   */
  public List<CollectionMember> shareCandidates(Caller caller, UUID id, String query) {
    row(caller, id, CollectionRole.OWNER);
    Set<UUID> members = new HashSet<>();
    store.members(id).forEach(m -> members.add(m.getKey()));
    return accounts.search(caller.organization(), query, schools.contacts(caller).owners(), 20).stream()
        .filter(a -> !members.contains(a.id()))
        .limit(10)
        .map(a -> new CollectionMember(a.id(), a.displayName(), null, null))
        .toList();
  }

  /**
   * Shares the collection with a person the caller may see in their organization (see {@link
   * Schools#contacts}: a student only with classmates and their teachers), or changes their role.
   *
   * @throws NotFound when the person is not one the caller may share with
   * @throws InvalidRequest when it would leave the collection without an owner
   */
  @Transactional
  public List<CollectionMember> share(Caller caller, UUID id, UUID userId, CollectionRole role) {
    row(caller, id, CollectionRole.OWNER);
    if (!schools.contacts(caller).allows(userId)) throw new NotFound("User", userId);
    accounts.get(caller.organization(), userId);
    if (role != CollectionRole.OWNER) requireAnotherOwner(id, userId);
    store.setMember(id, userId, role);
    return members(caller, id);
  }

  /**
   * A viewer link to a collection.
   *
   * @param url the link to pass on; only when it is made (the server keeps its hash)
   * @param active whether it still lets people in
   */
  public record ShareLink(UUID id, String url, java.time.Instant createdAt, java.time.Instant expiresAt, java.time.Instant revokedAt, boolean active) {}

  /**
   * Makes a viewer link: a signed-in member of the organization who opens it before it expires
   * becomes a viewer, until it expires or is revoked.
   *
   * @param days how long it works, 1 to 365
   * @throws Forbidden when the caller is not an owner of the collection
   */
  @Transactional
  public ShareLink createLink(Caller caller, UUID id, int days) {
    row(caller, id, CollectionRole.OWNER);
    if (days < 1 || days > 365) throw new InvalidRequest("A share link works for 1 to 365 days");
    java.time.Instant expires = java.time.Instant.now().plus(java.time.Duration.ofDays(days));
    String token = store.createLink(caller.organization(), id, caller.userId(), expires);
    CollectionStore.Link link = store.links(id).getFirst();
    return new ShareLink(link.id(), publicUrl.link("/collections/shared/" + token), link.createdAt(), link.expiresAt(), null, true);
  }

  /** The collection's links, newest first (without their address, which only its maker saw). */
  public List<ShareLink> links(Caller caller, UUID id) {
    row(caller, id, CollectionRole.OWNER);
    java.time.Instant now = java.time.Instant.now();
    return store.links(id).stream().map(l -> new ShareLink(l.id(), null, l.createdAt(), l.expiresAt(), l.revokedAt(), l.revokedAt() == null && l.expiresAt().isAfter(now))).toList();
  }

  /** Revokes a link: the people who came in through it lose their access at once. */
  @Transactional
  public List<ShareLink> revokeLink(Caller caller, UUID id, UUID linkId) {
    row(caller, id, CollectionRole.OWNER);
    if (!store.revokeLink(id, linkId)) throw new NotFound("Active share link", linkId);
    return links(caller, id);
  }

  /**
   * Opens a share link: the caller becomes a viewer of its collection (or keeps the role they have).
   *
   * @throws NotFound when the link is unknown, expired, revoked or of another organization
   */
  @Transactional
  public SourceCollection openLink(Caller caller, String token) {
    CollectionStore.Link link = store.activeLink(caller.organization(), token == null ? "" : token)
        .orElseThrow(() -> new NotFound("Share link", "(expired, revoked, or not of your organization)"));
    store.joinByLink(link.collectionId(), caller.userId(), link.id());
    return get(caller, link.collectionId());
  }

  /** Removes a member; a member may always leave, except the last owner. */
  @Transactional
  public List<CollectionMember> unshare(Caller caller, UUID id, UUID userId) {
    row(caller, id, userId.equals(caller.userId()) ? CollectionRole.VIEWER : CollectionRole.OWNER);
    requireAnotherOwner(id, userId);
    if (!store.removeMember(id, userId)) throw new NotFound("Collection member", userId);
    return userId.equals(caller.userId()) && !caller.role().isAdmin() ? List.of() : members(caller, id);
  }

  private void requireAnotherOwner(UUID id, UUID leaving) {
    boolean other = store.members(id).stream().anyMatch(m -> m.getValue() == CollectionRole.OWNER && !m.getKey().equals(leaving));
    if (!other) throw new InvalidRequest("A collection needs an owner: make someone else an owner first.");
  }

  private CollectionStore.Row row(Caller caller, UUID id, CollectionRole needed) {
    CollectionStore.Row row = store.find(caller.organization(), caller.userId(), id).orElseThrow(() -> new NotFound("Collection", id));
    CollectionRole role = effective(caller, row);
    if (role == null) throw new NotFound("Collection", id);
    if (!role.allows(needed)) throw new Forbidden("As " + role.code() + " of \"" + row.details().name() + "\" you cannot do this; it needs " + needed.code() + ".");
    return row;
  }

  private static CollectionRole effective(Caller caller, CollectionStore.Row row) {
    return caller.role().isAdmin() ? CollectionRole.OWNER : row.role();
  }

  private Map<UUID, String> names(Caller caller, List<UUID> ids) {
    Map<UUID, String> out = new java.util.HashMap<>();
    for (Account a : accounts.list(caller.organization(), null, new HashSet<>(ids))) out.put(a.id(), a.displayName());
    return out;
  }

  private static SourceCollection view(Caller caller, CollectionStore.Row r, List<UUID> items, Map<UUID, String> names) {
    CollectionDetails d = r.details();
    return new SourceCollection(r.id(), r.ownerId(), names.get(r.ownerId()), d.name(), d.description(), d.instructor(), d.subject(), d.semester(), d.tags(), r.isDefault(), effective(caller, r), items, r.memberCount(), r.createdAt(), r.updatedAt());
  }
}
