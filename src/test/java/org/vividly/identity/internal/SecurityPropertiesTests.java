package org.vividly.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class SecurityPropertiesTests {

  @Test
  void defaultsAreBcrypt12AFifteenMinuteAccessTokenAndASevenDayRefreshToken() {
    SecurityProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("vividly.security", SecurityProperties.class);
    assertThat(defaults.bcryptStrength()).isEqualTo(12);
    assertThat(defaults.accessTokenLifetime()).isEqualTo(Duration.ofMinutes(15));
    assertThat(defaults.refreshTokenLifetime()).isEqualTo(Duration.ofDays(7));
    assertThat(new SecurityConfiguration().passwordEncoder(defaults).encode("a password")).startsWith("$2a$12$");
    assertThat(new SecurityConfiguration().passwordEncoder(defaults)).isInstanceOf(BCryptPasswordEncoder.class);
  }
}
