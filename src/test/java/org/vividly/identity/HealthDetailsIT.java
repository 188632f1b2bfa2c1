package org.vividly.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vividly.support.ApiCalls;
import org.vividly.support.IntegrationTest;
import org.vividly.support.OwnServer;
import org.vividly.tenancy.Role;
import tools.jackson.databind.JsonNode;

/**
 * {@code /actuator/health} answers everyone (load balancers, uptime checks), but its details (data
 * path, disk, engines, circuit breakers) only org admins and super admins.
 */
class HealthDetailsIT extends IntegrationTest {

  @Override
  protected String organization() {
    return "health-details-it";
  }

  @Test
  void anonymousCallersSeeOnlyTheStatusAndTheProbesAnswerThem() {
    HttpResponse<String> health = call("GET", "/actuator/health", null, null);
    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode body = json(health);
    assertThat(body.propertyNames()).as("the status and the names of the probe groups, nothing else").containsExactlyInAnyOrder("status", "groups");
    assertThat(body.path("status").asString()).isEqualTo("UP");
    assertThat(call("GET", "/actuator/health/diskSpace", null, null).statusCode()).as("a component's own path").isEqualTo(404);
    assertThat(call("GET", "/actuator/health/media", null, null).body()).doesNotContain("narration");
    for (String probe : List.of("liveness", "readiness")) {
      HttpResponse<String> answer = call("GET", "/actuator/health/" + probe, null, null);
      assertThat(answer.statusCode()).as(probe).isEqualTo(200);
      assertThat(json(answer).propertyNames()).as(probe).containsExactly("status");
    }
  }

  @Test
  void teachersSeeOnlyTheStatus() {
    String teacher = "Bearer " + signIn(member(organization(), Role.TEACHER, "teacher"));
    assertThat(json(call("GET", "/actuator/health", null, teacher)).propertyNames()).containsExactlyInAnyOrder("status", "groups");
  }

  @Test
  void orgAdminsAndSuperAdminsSeeTheComponents() {
    JsonNode asOrgAdmin = json(call("GET", "/actuator/health", null, auth()));
    assertThat(asOrgAdmin.path("components").path("media").path("details").path("speech").isMissingNode()).isFalse();
    assertThat(asOrgAdmin.path("components").path("diskSpace").path("details").has("path")).isTrue();
    assertThat(asOrgAdmin.path("components").path("mediaStore").path("details").path("location").asString()).as("the embedded media folder").endsWith("media");
    String superAdmin = "Bearer " + ApiCalls.signIn(url(""), "admin@vividly.local", OwnServer.ADMIN_PASSWORD);
    assertThat(json(call("GET", "/actuator/health/media", null, superAdmin)).path("details").has("speech")).isTrue();
  }
}
