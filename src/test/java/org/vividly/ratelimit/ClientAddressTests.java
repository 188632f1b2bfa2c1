package org.vividly.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTests {

  @Test
  void ipv6AddressesOfOne64ShareAKey() {
    assertThat(ClientAddress.key("2001:db8:1:2::a")).isEqualTo(ClientAddress.key("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).isEqualTo("2001:db8:1:2::/64");
    assertThat(ClientAddress.key("[2001:db8:1:2::1]")).isEqualTo("2001:db8:1:2::/64");
    assertThat(ClientAddress.key("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
    assertThat(ClientAddress.key("2001:db8:1:3::a")).isNotEqualTo(ClientAddress.key("2001:db8:1:2::a"));
  }

  @Test
  void everyLoopbackAddressIsOneClient() {
    assertThat(ClientAddress.key("127.0.0.1")).isEqualTo("loopback");
    assertThat(ClientAddress.key("127.9.9.9")).isEqualTo("loopback");
    assertThat(ClientAddress.key("0:0:0:0:0:0:0:1")).isEqualTo("loopback");
    assertThat(ClientAddress.key("[::1]")).isEqualTo("loopback");
  }

  @Test
  void ipv4MappedAddressesCountAsTheirIpv4Address() {
    assertThat(ClientAddress.key("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(ClientAddress.key("203.0.113.7")).isEqualTo("203.0.113.7");
  }

  @Test
  void somethingThatIsNoAddressIsKeptAsItIsAndNeverLookedUp() {
    assertThat(ClientAddress.key("unknown")).isEqualTo("unknown");
    assertThat(ClientAddress.key("some.host.example")).isEqualTo("some.host.example");
    assertThat(ClientAddress.key(null)).isEqualTo("unknown");
  }
}
