package org.vividly.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.vividly.jobs.JobView;
import org.vividly.sources.Ingestion;
import org.vividly.jobs.Jobs;
import org.vividly.tenancy.Organization;
import org.vividly.tenancy.OrganizationId;
import org.vividly.tenancy.Organizations;

/**
 * Loads the demo library (short Markdown documents under {@code classpath:demo/}) into the default
 * shared open library at start-up (enabled for the demo district, which is seeded first). Ingestion is idempotent, so restarting the demo adds nothing.
 */
@Component
@ConditionalOnProperty(name = "vividly.demo.enabled", havingValue = "true")
class DemoLibrary {

  private static final Logger log = LoggerFactory.getLogger(DemoLibrary.class);
  private final Ingestion ingestion;
  private final Organizations organizations;
  private final DemoDistrict district;
  private final Jobs jobs;

  DemoLibrary(Ingestion ingestion, Organizations organizations, DemoDistrict district, Jobs jobs) {
    this.ingestion = ingestion;
    this.organizations = organizations;
    this.district = district;
    this.jobs = jobs;
  }

  @EventListener(ApplicationReadyEvent.class)
  void load() throws IOException {
    Resource[] documents = new PathMatchingResourcePatternResolver().getResources("classpath:demo/*.md");
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      for (Resource document : documents) {
        out.putNextEntry(new ZipEntry(document.getFilename()));
        try (InputStream in = document.getInputStream()) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Organization dcms = district.seed();
    OrganizationId library = organizations.sharedLibrary().id();
    JobView job = ingestion.ingest(library, null, new ByteArrayInputStream(zip.toByteArray()), "demo-library.zip", List.of());
    log.info("Loading the demo library ({} documents) into the shared open library as job {}", documents.length, job.id());
    Thread.ofVirtual().name("demo-history").start(() -> {
      try {
        for (int i = 0; i < 600; i++) {
          String status = jobs.find(library, job.id()).map(JobView::status).orElse("failed");
          if (status.equals("succeeded")) {
            district.learningHistory(dcms);
            return;
          }
          if (status.equals("failed")) return;
          Thread.sleep(500);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        log.warn("Could not add the demo learning history: {}", e.getMessage());
      }
    });
  }
}
