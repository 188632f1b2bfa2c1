package org.vividly.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vividly.common.InvalidRequest;

class NamesTests {

  @ParameterizedTest
  @ValueSource(strings = {"<script>alert(1)</script>", "Robert'); DROP TABLE app_user;--", "1' OR '1'='1", "x /* comment */", "{{7*7}}", "`rm -rf`", "tab\there"})
  void injectionAndMarkupAreRefused(String name) {
    assertThatThrownBy(() -> Names.check("Name", name)).isInstanceOf(InvalidRequest.class).hasMessageStartingWith("Name must not contain");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Siobhán O'Brien", "Mary-Jane Smith-Jones", "José Álvarez", "李小龙", "AP Physics 1 (Period 3)"})
  void realNamesAreKept(String name) {
    assertThat(Names.check("Name", "  " + name + " ")).isEqualTo(name);
  }

  @Test
  void lengthIsLimitedAndBlankIsRequired() {
    assertThatThrownBy(() -> Names.check("School name", "x".repeat(121))).hasMessage("School name is 121 characters long; the limit is 120");
    assertThatThrownBy(() -> Names.check("School name", "   ")).hasMessage("School name is required");
    assertThat(Names.check("School name", "x".repeat(120))).hasSize(120);
  }
}
