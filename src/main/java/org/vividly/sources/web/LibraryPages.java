package org.vividly.sources.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
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
import org.vividly.common.VividlyException;
import org.vividly.jobs.JobView;
import org.vividly.jobs.Jobs;
import org.vividly.retrieval.Retriever;
import org.vividly.retrieval.SearchMode;
import org.vividly.retrieval.SearchRequest;
import org.vividly.sources.Ingestion;
import org.vividly.sources.Sources;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.OrganizationId;

/** Search, sources with their tables of contents and sections, uploads and job progress. */
@PageController
class LibraryPages {

  private final org.vividly.tenancy.Organizations organizations;

  /** The libraries the caller reads: their organization's and the shared ones it enabled. */
  private java.util.Set<OrganizationId> libraries(Caller caller) {
    return organizations.searchable(caller.organization());
  }

  private final Sources sources;
  private final Ingestion ingestion;
  private final Jobs jobs;
  private final Retriever retriever;

  LibraryPages(Sources sources, Ingestion ingestion, Jobs jobs, Retriever retriever, org.vividly.tenancy.Organizations organizations) {
    this.organizations = organizations;
    this.sources = sources;
    this.ingestion = ingestion;
    this.jobs = jobs;
    this.retriever = retriever;
  }

  @GetMapping("/search")
  String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "10") int k, @RequestParam(defaultValue = "HYBRID") SearchMode mode, Model model, HttpServletRequest request, Caller caller) {
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("k", k);
    model.addAttribute("mode", mode);
    if (q != null && !q.isBlank()) {
      try {
        model.addAttribute("result", retriever.search(new SearchRequest(caller.organization(), q, Math.clamp(k, 1, 100), mode, Set.of(), Set.of(), Set.of("teacher-note")).withLibraries(libraries(caller))));
      } catch (IllegalArgumentException e) {
        model.addAttribute("error", e.getMessage());
      }
    }
    return "search";
  }

  @GetMapping("/sources")
  String sources(Model model, Caller caller) {
    OrganizationId org = caller.organization();
    model.addAttribute("sources", sources.list(org));
    Set<OrganizationId> shared = new java.util.LinkedHashSet<>(organizations.searchable(org));
    shared.remove(org);
    model.addAttribute("sharedSources", sources.list(shared));
    model.addAttribute("jobs", jobs.recent(org, 5));
    return "sources";
  }

  @GetMapping("/sources/{id}")
  String source(@PathVariable UUID id, Model model, Caller caller) {
    model.addAttribute("detail", sources.get(libraries(caller), id));
    return "source";
  }

  @GetMapping("/sections/{id}")
  String section(@PathVariable UUID id, Model model, Caller caller) {
    model.addAttribute("passages", sources.sectionPassages(libraries(caller), id));
    return "section";
  }

  @PostMapping("/sources/upload")
  String upload(@RequestParam("file") MultipartFile file, Model model, HttpServletRequest request, Caller caller) throws IOException {
    OrganizationId org = caller.organization();
    if (file.isEmpty()) {
      model.addAttribute("error", "Choose a file to upload: a PDF, EPUB, HTML, Markdown or text document, or a ZIP of a folder.");
      return sources(model, caller);
    }
    try (InputStream in = file.getInputStream()) {
      JobView job = ingestion.ingest(org, caller, in, file.getOriginalFilename(), List.of());
      return "redirect:/jobs/" + job.id();
    } catch (VividlyException e) {
      model.addAttribute("error", e.getMessage());
      return sources(model, caller);
    }
  }

  @GetMapping("/jobs/{id}")
  String job(@PathVariable UUID id, Model model, HttpServletRequest request, Caller caller) {
    JobView job = jobs.find(caller.organization(), id).orElseThrow(() -> new org.vividly.common.NotFound("Job", id));
    model.addAttribute("job", job);
    return request.getHeader("HX-Request") != null ? "job :: progress" : "job";
  }
}
