package org.vividly.collections.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.vividly.common.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vividly.collections.CollectionDetails;
import org.vividly.collections.CollectionRole;
import org.vividly.collections.Collections;
import org.vividly.collections.SourceCollection;
import org.vividly.common.VividlyException;
import org.vividly.sources.SourceSummary;
import org.vividly.sources.Sources;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Organizations;

/** Collections: their sources, sharing with people and roles, editing and deletion. */
@PageController
class CollectionPages {

  private final Collections collections;
  private final Sources sources;
  private final Organizations organizations;

  CollectionPages(Collections collections, Sources sources, Organizations organizations) {
    this.collections = collections;
    this.sources = sources;
    this.organizations = organizations;
  }


  @GetMapping("/collections")
  String collections(Model model, Caller caller) {
    model.addAttribute("collections", collections.list(caller));
    return "collections";
  }

  @PostMapping("/collections")
  String createCollection(@RequestParam String name, @RequestParam(required = false) String description, @RequestParam(required = false) String instructor,
      @RequestParam(required = false) String subject, @RequestParam(required = false) String semester, @RequestParam(required = false) String tags, Model model, Caller caller) {
    try {
      SourceCollection c = collections.create(caller, new CollectionDetails(name, description, instructor, subject, semester, tags == null ? List.of() : List.of(tags.split(","))));
      return "redirect:/collections/" + c.id();
    } catch (VividlyException e) {
      model.addAttribute("error", e.getMessage());
      return collections(model, caller);
    }
  }

  @GetMapping("/collections/{id}")
  String collection(@PathVariable UUID id, @RequestParam(defaultValue = "") String q, Model model, Caller caller) {
    SourceCollection c = collections.get(caller, id);
    var libraries = organizations.searchable(caller.organization());
    Map<UUID, SourceSummary> all = new LinkedHashMap<>();
    for (SourceSummary s : sources.list(libraries)) all.put(s.id(), s);
    List<SourceSummary> items = new ArrayList<>();
    for (UUID sourceId : c.sourceIds()) if (all.containsKey(sourceId)) items.add(all.get(sourceId));
    model.addAttribute("collection", c);
    model.addAttribute("items", items);
    model.addAttribute("addable", all.values().stream().filter(s -> !c.sourceIds().contains(s.id())).toList());
    model.addAttribute("members", collections.members(caller, id));
    // The picker searches among the people the caller may share with; it never lists the directory.
    model.addAttribute("q", q);
    model.addAttribute("people", c.role() == CollectionRole.OWNER && !q.isBlank() ? collections.shareCandidates(caller, id, q) : List.of());
    model.addAttribute("links", c.role() == CollectionRole.OWNER ? collections.links(caller, id) : List.of());
    return "collection";
  }

  @PostMapping("/collections/{id}")
  String updateCollection(@PathVariable UUID id, @RequestParam String name, @RequestParam(required = false) String description, @RequestParam(required = false) String instructor,
      @RequestParam(required = false) String subject, @RequestParam(required = false) String semester, @RequestParam(required = false) String tags, RedirectAttributes redirect, Caller caller) {
    return act(id, redirect, () -> collections.update(caller, id, new CollectionDetails(name, description, instructor, subject, semester, tags == null ? List.of() : List.of(tags.split(",")))), "Saved.");
  }

  @PostMapping("/collections/{id}/items")
  String addItems(@PathVariable UUID id, @RequestParam(required = false) List<UUID> sourceIds, RedirectAttributes redirect, Caller caller) {
    return act(id, redirect, () -> collections.add(caller, id, Set.copyOf(sourceIds == null ? List.of() : sourceIds)), "Added.");
  }

  @PostMapping("/collections/{id}/items/{sourceId}/remove")
  String removeItem(@PathVariable UUID id, @PathVariable UUID sourceId, RedirectAttributes redirect, Caller caller) {
    return act(id, redirect, () -> collections.remove(caller, id, sourceId), "Removed from the collection; it is still in the library.");
  }

  @PostMapping("/collections/{id}/members")
  String share(@PathVariable UUID id, @RequestParam UUID userId, @RequestParam String role, RedirectAttributes redirect, Caller caller) {
    return act(id, redirect, () -> collections.share(caller, id, userId, CollectionRole.of(role)), "Shared.");
  }

  @PostMapping("/collections/{id}/members/{userId}/remove")
  String unshare(@PathVariable UUID id, @PathVariable UUID userId, RedirectAttributes redirect, Caller caller) {
    return act(id, redirect, () -> collections.unshare(caller, id, userId), "No longer shared with them.");
  }

  @PostMapping("/collections/{id}/links")
  String createLink(@PathVariable UUID id, @RequestParam(defaultValue = "14") int days, RedirectAttributes redirect, Caller caller) {
    try {
      redirect.addFlashAttribute("newLink", collections.createLink(caller, id, days));
    } catch (VividlyException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/collections/" + id + "#share-links";
  }

  @PostMapping("/collections/{id}/links/{linkId}/revoke")
  String revokeLink(@PathVariable UUID id, @PathVariable UUID linkId, RedirectAttributes redirect, Caller caller) {
    return act(id, redirect, () -> collections.revokeLink(caller, id, linkId), "Link revoked: who came in through it no longer sees this collection.");
  }

  /** Opening a share link: a signed-in member of the organization becomes a viewer, then sees the collection (a redirect, not a page). */
  @GetMapping("/collections/shared/{token}")
  @org.springframework.web.bind.annotation.ResponseBody
  org.springframework.http.ResponseEntity<Void> openLink(@PathVariable String token, Caller caller) {
    return org.springframework.http.ResponseEntity.status(org.springframework.http.HttpStatus.SEE_OTHER).location(java.net.URI.create("/collections/" + collections.openLink(caller, token).id())).build();
  }

  @PostMapping("/collections/{id}/delete")
  String deleteCollection(@PathVariable UUID id, RedirectAttributes redirect, Caller caller) {
    try {
      collections.delete(caller, id);
      redirect.addFlashAttribute("notice", "Collection deleted; its videos and documents are still in the library.");
      return "redirect:/collections";
    } catch (VividlyException e) {
      redirect.addFlashAttribute("error", e.getMessage());
      return "redirect:/collections/" + id;
    }
  }

  private String act(UUID id, RedirectAttributes redirect, Runnable action, String notice) {
    try {
      action.run();
      redirect.addFlashAttribute("notice", notice);
    } catch (VividlyException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/collections/" + id;
  }
}
