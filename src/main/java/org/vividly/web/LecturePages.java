package org.vividly.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vividly.chat.ChatMessage;
import org.vividly.chat.Conversation;
import org.vividly.chat.Conversations;
import org.vividly.chat.NewConversation;
import org.vividly.collections.CollectionDetails;
import org.vividly.collections.CollectionRole;
import org.vividly.collections.Collections;
import org.vividly.collections.SourceCollection;
import org.vividly.common.VividlyException;
import org.vividly.sources.SourceSummary;
import org.vividly.sources.Sources;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Organizations;
import org.vividly.videos.Video;
import org.vividly.videos.VideoStatus;
import org.vividly.videos.Videos;

/** Videos, collections, conversations and the chat page with its player. */
@Controller
class LecturePages {

  private final Videos videos;
  private final Collections collections;
  private final Conversations conversations;
  private final Sources sources;
  private final Organizations organizations;
    private final tools.jackson.databind.json.JsonMapper json;

  LecturePages(Videos videos, Collections collections, Conversations conversations, Sources sources, Organizations organizations, tools.jackson.databind.json.JsonMapper json) {
    this.json = json;
    this.videos = videos;
    this.collections = collections;
    this.conversations = conversations;
    this.sources = sources;
    this.organizations = organizations;
  }

  // Videos

  @GetMapping("/videos")
  String videos(@RequestParam(required = false) String tag, Model model, HttpServletRequest http, Caller caller) {
    List<Video> list = videos.list(caller.organization(), tag);
    model.addAttribute("videos", list);
    model.addAttribute("tag", tag);
    model.addAttribute("working", list.stream().anyMatch(v -> !v.status().finished()));
    model.addAttribute("collections", collections.list(caller).stream().filter(c -> c.role().allows(CollectionRole.EDITOR)).toList());
    return http.getHeader("HX-Request") != null ? "videos :: rows" : "videos";
  }

  @PostMapping("/videos")
  String upload(@RequestParam(required = false) MultipartFile media, @RequestParam(required = false) MultipartFile subtitles, @RequestParam(required = false) String url,
      @RequestParam(required = false) String title, @RequestParam(required = false) String language, @RequestParam(required = false) String tags,
      @RequestParam(required = false) UUID collectionId, Model model, HttpServletRequest http, RedirectAttributes redirect, Caller caller) throws IOException {
    try {
      Videos.Details details = new Videos.Details(title, language, tags == null ? List.of() : List.of(tags.split(",")), collectionId);
      Video video;
      if (url != null && !url.isBlank()) {
        video = videos.addFromUrl(caller, details, url);
      } else {
        Videos.Upload m = media == null || media.isEmpty() ? null : new Videos.Upload(media.getInputStream(), media.getOriginalFilename());
        Videos.Upload s = subtitles == null || subtitles.isEmpty() ? null : new Videos.Upload(subtitles.getInputStream(), subtitles.getOriginalFilename());
        video = videos.add(caller, details, m, s);
      }
      redirect.addFlashAttribute("notice", "\"" + video.title() + "\" is on its way into the library.");
      return "redirect:/videos";
    } catch (VividlyException e) {
      model.addAttribute("error", e.getMessage());
      return videos(null, model, http, caller);
    }
  }

  @PostMapping("/videos/{id}/delete")
  String deleteVideo(@PathVariable UUID id, RedirectAttributes redirect, Caller caller) {
    String title = videos.get(caller.organization(), id).title();
    videos.delete(caller, id);
    redirect.addFlashAttribute("notice", "Deleted \"" + title + "\".");
    return "redirect:/videos";
  }

  @PostMapping("/videos/delete-finished")
  String deleteFinished(@RequestParam String status, RedirectAttributes redirect, Caller caller) {
    Set<VideoStatus> statuses = status.equals("all") ? EnumSet.of(VideoStatus.READY, VideoStatus.FAILED) : EnumSet.of(VideoStatus.of(status));
    int n = videos.deleteAll(caller, statuses);
    redirect.addFlashAttribute("notice", "Deleted " + n + " video" + (n == 1 ? "" : "s") + ".");
    return "redirect:/videos";
  }

  // Collections

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

  // Conversations

  @GetMapping("/conversations")
  String conversations(Model model, Caller caller) {
    model.addAttribute("conversations", conversations.list(caller));
    model.addAttribute("collections", collections.list(caller));
    model.addAttribute("videos", videos.list(caller.organization(), null).stream().filter(v -> v.status() == VideoStatus.READY).toList());
    model.addAttribute("sources", sources.list(organizations.searchable(caller.organization())).stream().filter(s -> !s.format().equals("speech-to-text") && !s.format().equals("webvtt") && !s.format().equals("srt")).toList());
    return "conversations";
  }

  @PostMapping("/conversations")
  String startConversation(@RequestParam(required = false) UUID collectionId, @RequestParam(required = false) List<UUID> videoIds, @RequestParam(required = false) List<UUID> sourceIds,
      @RequestParam(required = false) String title, Model model, Caller caller) {
    try {
      Conversation c = conversations.start(caller, new NewConversation(title, collectionId, sourceIds, videoIds));
      return "redirect:/conversations/" + c.id();
    } catch (VividlyException e) {
      model.addAttribute("error", e.getMessage());
      return conversations(model, caller);
    }
  }

  @PostMapping("/conversations/{id}/delete")
  String deleteConversation(@PathVariable UUID id, Caller caller) {
    conversations.delete(caller, id);
    return "redirect:/conversations";
  }

  /** A player source for one video in the conversation. */
  public record Playable(UUID sourceId, UUID videoId, String title, String mediaUrl, String captionsUrl, boolean hasVideo) {}

  @GetMapping("/conversations/{id}")
  String chat(@PathVariable UUID id, Model model, Caller caller) {
    Conversation c = conversations.get(caller, id);
    List<ChatMessage> messages = conversations.messages(caller, id);
    List<Playable> playable = new ArrayList<>();
    List<String> scopeTitles = new ArrayList<>();
    var libraries = organizations.searchable(caller.organization());
    for (UUID sourceId : conversations.scope(caller, c)) {
      var video = videos.findBySource(caller.organization(), sourceId);
      if (video.isPresent()) {
        Video v = video.get();
        scopeTitles.add(v.title());
        if (v.playable()) playable.add(new Playable(sourceId, v.id(), v.title(), "/api/v1/videos/" + v.id() + "/media", "/api/v1/videos/" + v.id() + "/captions.vtt", v.hasVideo()));
      } else {
        try {
          scopeTitles.add(sources.get(libraries, sourceId).source().title());
        } catch (VividlyException e) {
          // Deleted since the conversation started.
        }
      }
    }
    model.addAttribute("conversation", c);
    model.addAttribute("messages", messages);
    model.addAttribute("playable", playable);
    model.addAttribute("playableJson", ScriptJson.of(json, playable));
    model.addAttribute("scopeTitles", scopeTitles);
    return "chat";
  }
}
