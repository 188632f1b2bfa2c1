package org.vividly.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.vividly.VividlyApplication;
import org.vividly.support.IntegrationTest;
import org.vividly.support.OwnServer;
import org.vividly.support.TestDatabase;
import org.vividly.tenancy.OrganizationId;

/**
 * Two servers on one database run jobs side by side: a second server starting while the first has
 * jobs queued and running fails none of them (the old in-memory worker failed every queued job of
 * every server when one started), and both take work from the same queue.
 */
class TwoServersJobsIT extends IntegrationTest {

  @Autowired Jobs jobs;

  @Override
  protected String organization() {
    return "two-servers";
  }

  @Test
  void aSecondServerStartingFailsNoneOfTheFirstServersJobs() throws Exception {
    OrganizationId org = organizations.resolve(organization()).id();
    List<JobView> submitted = new ArrayList<>();
    for (int i = 0; i < 6; i++) submitted.add(jobs.submit(org, "reindex", "search index " + i, Map.of()));

    Path data = Files.createTempDirectory("vividly-second-server-");
    try (ConfigurableApplicationContext second = new SpringApplication(VividlyApplication.class).run(
        "--server.port=0", "--spring.datasource.url=" + TestDatabase.url(), "--spring.datasource.username=postgres", "--vividly.storage.data-dir=" + data,
        "--vividly.rate-limit.enabled=false", "--vividly.security.admin-password=" + OwnServer.ADMIN_PASSWORD, "--vividly.security.bcrypt-strength=4")) {
      Jobs other = second.getBean(Jobs.class);
      for (int i = 0; i < 4; i++) submitted.add(other.submit(org, "reindex", "search index from the second server " + i, Map.of()));
      Awaitility.await().atMost(Duration.ofMinutes(3)).until(() -> submitted.stream().allMatch(j -> jobs.find(org, j.id()).orElseThrow().finished()));
    }
    for (JobView j : submitted) {
      JobView done = jobs.find(org, j.id()).orElseThrow();
      assertThat(done.status()).as(done.label() + ": " + done.error()).isEqualTo("succeeded");
      assertThat(done.attempts()).isEqualTo(1);
    }
  }
}
