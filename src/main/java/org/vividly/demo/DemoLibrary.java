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
import org.vividly.tenancy.Organizations;

/**
 * Loads the demo library (short Markdown documents under {@code classpath:demo/}) into the default
 * organization at start-up. Ingestion is idempotent, so restarting the demo adds nothing.
 */
@Component
@ConditionalOnProperty(name = "vividly.demo.enabled", havingValue = "true")
class DemoLibrary {

  private static final Logger log = LoggerFactory.getLogger(DemoLibrary.class);
  private final Ingestion ingestion;
  private final Organizations organizations;

  DemoLibrary(Ingestion ingestion, Organizations organizations) {
    this.ingestion = ingestion;
    this.organizations = organizations;
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
    JobView job = ingestion.ingest(organizations.defaultOrganization().id(), new ByteArrayInputStream(zip.toByteArray()), "demo-library.zip", List.of());
    log.info("Loading the demo library ({} documents) as job {}", documents.length, job.id());
  }
}
