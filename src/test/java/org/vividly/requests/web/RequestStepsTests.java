package org.vividly.requests.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestStepsTests {

  static RequestSteps.Step step(String status, int seconds) {
    return new RequestSteps.Step("x", "X", status, seconds);
  }

  @Test
  void saysRoughlyHowLongIsLeftFromTheStepsStillToRun() {
    assertThat(RequestSteps.left(List.of(step("done", 3), step("now", 10), step("next", 15)))).isEqualTo("About 25 seconds left");
    assertThat(RequestSteps.left(List.of(step("now", 3)))).isEqualTo("Almost done");
    assertThat(RequestSteps.left(List.of(step("next", 50), step("next", 40)))).isEqualTo("About 2 minutes left");
    assertThat(RequestSteps.left(List.of(step("next", 70)))).isEqualTo("About a minute left");
    assertThat(RequestSteps.left(List.of(step("done", 3), step("skipped", 5)))).isNull();
  }
}
