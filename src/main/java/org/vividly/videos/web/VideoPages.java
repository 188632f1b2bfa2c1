package org.vividly.videos.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.vividly.common.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vividly.common.VividlyException;
import org.vividly.tenancy.Caller;
import org.vividly.videos.Video;
import org.vividly.videos.VideoStatus;
import org.vividly.videos.VideoCollections;
import org.vividly.videos.Videos;

/** The lecture videos: upload (a file, subtitles or a link), progress while they are transcribed and indexed, deletion. */
@PageController
class VideoPages {

  private final Videos videos;
  private final VideoCollections collections;

  VideoPages(Videos videos, VideoCollections collections) {
    this.videos = videos;
    this.collections = collections;
  }


  @GetMapping("/videos")
  String videos(@RequestParam(required = false) String tag, Model model, HttpServletRequest http, Caller caller) {
    List<Video> list = videos.list(caller.organization(), tag);
    model.addAttribute("videos", list);
    model.addAttribute("tag", tag);
    model.addAttribute("working", list.stream().anyMatch(v -> !v.status().finished()));
    model.addAttribute("collections", collections.editable(caller));
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
}
