package org.vividly.collections.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vividly.collections.CollectionDetails;
import org.vividly.collections.CollectionMember;
import org.vividly.collections.CollectionRole;
import org.vividly.collections.Collections;
import org.vividly.collections.SourceCollection;
import org.vividly.common.InvalidRequest;
import org.vividly.tenancy.Caller;

@RestController
@RequestMapping("/api/v1/collections")
@Tag(name = "Collections", description = "Shelves of videos and documents, with metadata and members (owner, editor, viewer)")
class CollectionsApi {

  private final Collections collections;

  CollectionsApi(Collections collections) {
    this.collections = collections;
  }

  record Details(String name, String description, String instructor, String subject, String semester, List<String> tags) {
    CollectionDetails toDetails() {
      return new CollectionDetails(name, description, instructor, subject, semester, tags);
    }
  }

  @GetMapping
  @Operation(summary = "The caller's collections", description = "Those they are a member of (all of the organization's for admins), their default \"Uncategorized\" one first.")
  List<SourceCollection> list(Caller caller) {
    return collections.list(caller);
  }

  @PostMapping
  @Operation(summary = "Create a collection; the caller becomes its owner")
  ResponseEntity<SourceCollection> create(@RequestBody Details body, Caller caller) {
    if (body == null) throw new InvalidRequest("Send the collection's name and metadata.");
    SourceCollection c = collections.create(caller, body.toDetails());
    return ResponseEntity.created(URI.create("/api/v1/collections/" + c.id())).body(c);
  }

  @GetMapping("/{id}")
  @Operation(summary = "A collection with its items and the caller's role")
  SourceCollection get(@PathVariable UUID id, Caller caller) {
    return collections.get(caller, id);
  }

  @PutMapping("/{id}")
  @Operation(summary = "Rename a collection or change its metadata", description = "Editors and owners.")
  SourceCollection update(@PathVariable UUID id, @RequestBody Details body, Caller caller) {
    if (body == null) throw new InvalidRequest("Send the collection's name and metadata.");
    return collections.update(caller, id, body.toDetails());
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a collection; its videos and documents stay in the library", description = "Owners; the default collection cannot be deleted.")
  ResponseEntity<Void> delete(@PathVariable UUID id, Caller caller) {
    collections.delete(caller, id);
    return ResponseEntity.noContent().build();
  }

  record Items(List<UUID> sourceIds) {}

  @PostMapping("/{id}/items")
  @Operation(summary = "Add sources (a video's source, a book, a document) to a collection", description = "Editors and owners.")
  SourceCollection add(@PathVariable UUID id, @RequestBody Items body, Caller caller) {
    if (body == null || body.sourceIds() == null || body.sourceIds().isEmpty()) throw new InvalidRequest("Send {\"sourceIds\": [...]} with at least one source.");
    return collections.add(caller, id, new HashSet<>(body.sourceIds()));
  }

  @DeleteMapping("/{id}/items/{sourceId}")
  @Operation(summary = "Remove a source from a collection (it stays in the library)", description = "Editors and owners.")
  SourceCollection remove(@PathVariable UUID id, @PathVariable UUID sourceId, Caller caller) {
    return collections.remove(caller, id, sourceId);
  }

  @GetMapping("/{id}/members")
  @Operation(summary = "A collection's members and their roles")
  List<CollectionMember> members(@PathVariable UUID id, Caller caller) {
    return collections.members(caller, id);
  }

  @GetMapping("/{id}/share-candidates")
  @Operation(summary = "Find people to share a collection with", description = "Up to ten people whose name contains `q` (two characters or more) whom the caller may share with: "
      + "a student's classmates and teachers, a teacher's colleagues and students, anyone for admins. Owners only.")
  List<CollectionMember> candidates(@PathVariable UUID id, @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String q, Caller caller) {
    return collections.shareCandidates(caller, id, q);
  }

  record Share(String role) {}

  @PutMapping("/{id}/members/{userId}")
  @Operation(summary = "Share a collection with a person of the organization, or change their role", description = "Body {\"role\": \"owner\" | \"editor\" | \"viewer\"}. Owners only.")
  List<CollectionMember> share(@PathVariable UUID id, @PathVariable UUID userId, @RequestBody Share body, Caller caller) {
    return collections.share(caller, id, userId, CollectionRole.of(body == null ? null : body.role()));
  }

  @DeleteMapping("/{id}/members/{userId}")
  @Operation(summary = "Stop sharing a collection with someone, or leave it", description = "Owners remove anyone; anyone may leave; the last owner stays.")
  List<CollectionMember> unshare(@PathVariable UUID id, @PathVariable UUID userId, Caller caller) {
    return collections.unshare(caller, id, userId);
  }

  /** @param days how long the link works, 1 to 365 (default 14) */
  record NewLink(Integer days) {}

  @PostMapping("/{id}/links")
  @Operation(summary = "Make a viewer link (owners)", description = "Signed-in members of the organization who open it before it expires become viewers, until it expires or is revoked. The url is shown only here.")
  Collections.ShareLink createLink(@PathVariable UUID id, @RequestBody(required = false) NewLink body, Caller caller) {
    return collections.createLink(caller, id, body == null || body.days() == null ? 14 : body.days());
  }

  @GetMapping("/{id}/links")
  @Operation(summary = "The collection's share links (owners)")
  List<Collections.ShareLink> links(@PathVariable UUID id, Caller caller) {
    return collections.links(caller, id);
  }

  @DeleteMapping("/{id}/links/{linkId}")
  @Operation(summary = "Revoke a share link (owners)", description = "Who came in through it loses access at once.")
  List<Collections.ShareLink> revokeLink(@PathVariable UUID id, @PathVariable UUID linkId, Caller caller) {
    return collections.revokeLink(caller, id, linkId);
  }

  @PostMapping("/shared/{token}")
  @Operation(summary = "Open a share link", description = "The caller becomes a viewer of its collection. 404 for a link that expired, was revoked or is of another organization.")
  SourceCollection openLink(@PathVariable String token, Caller caller) {
    return collections.openLink(caller, token);
  }
}
