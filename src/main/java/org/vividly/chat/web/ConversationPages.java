package org.vividly.chat.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vividly.common.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vividly.chat.ChatMessage;
import org.vividly.chat.Conversation;
import org.vividly.chat.Conversations;
import org.vividly.chat.NewConversation;
import org.vividly.collections.Collections;
import org.vividly.common.VividlyException;
import org.vividly.sources.Sources;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.Organizations;
import org.vividly.common.ScriptJson;
import org.vividly.videos.Video;
import org.vividly.videos.VideoStatus;
import org.vividly.videos.Videos;

/** Conversations over sources, videos and collections, and the chat page with its player. */
@PageController
class ConversationPages {

  private final Conversations conversations;
  private final Collections collections;
  private final Videos videos;
  private final Sources sources;
  private final Organizations organizations;
  private final tools.jackson.databind.json.JsonMapper json;

  ConversationPages(Conversations conversations, Collections collections, Videos videos, Sources sources, Organizations organizations, tools.jackson.databind.json.JsonMapper json) {
    this.conversations = conversations;
    this.collections = collections;
    this.videos = videos;
    this.sources = sources;
    this.organizations = organizations;
    this.json = json;
  }


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
