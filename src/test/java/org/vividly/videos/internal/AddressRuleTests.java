package org.vividly.videos.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vividly.common.InvalidRequest;
import org.vividly.videos.AddressNotAllowed;

/** Classification only: literals are parsed, names come from a fake DNS, and nothing is connected to. */
class AddressRuleTests {

  /** A DNS that knows a few names and fails the test on any other lookup; {@code localhost} comes from the hosts file. */
  static AddressRule.Resolver dns(Map<String, List<String>> names) {
    return host -> {
      if (host.equals("localhost")) return InetAddress.getAllByName(host);
      List<String> addresses = names.get(host);
      if (addresses == null) throw new UnknownHostException(host);
      InetAddress[] all = new InetAddress[addresses.size()];
      for (int i = 0; i < all.length; i++) all[i] = InetAddress.getByName(addresses.get(i)); // literals
      return all;
    };
  }

  private static final AddressRule RULE = new AddressRule(List.of(), dns(Map.of(
      "video.example", List.of("93.184.215.14"),
      "split.example", List.of("93.184.215.14", "10.0.0.5"),
      "media.school.internal", List.of("192.168.5.5"))));

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:5432/", "http://127.8.9.10/", "http://[::1]/", "http://localhost/", "http://LOCALHOST./",
      "http://10.1.2.3/", "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.1.1/", "http://100.64.0.1/",
      "http://169.254.169.254/latest/meta-data/", "http://169.254.1.1/", "http://[fe80::1]/", "http://[fd00:ec2::254]/", "http://[fc00::1]/",
      "http://0.0.0.0/", "http://0.1.2.3/", "http://[::]/", "http://224.0.0.1/", "http://[ff02::1]/", "http://255.255.255.255/", "http://240.0.0.1/",
      "http://[::ffff:127.0.0.1]/", "http://[::ffff:169.254.169.254]/", "http://[::ffff:10.0.0.1]/", "http://[::127.0.0.1]/",
      "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:c0a8:101::1]/", "http://metadata.google.internal/computeMetadata/v1/",
      "http://media.school.internal/"})
  void refusesAddressesOnTheServersOwnNetwork(String url) {
    assertThatThrownBy(() -> RULE.check(url)).isInstanceOf(AddressNotAllowed.class).hasMessageContaining("Vividly does not fetch");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://0177.0.0.1/", "http://2130706433/", "http://010.0.0.1/", "http://127.0.0.01/"})
  void refusesIpv4AddressesInFormsThatProgramsReadDifferentlyWithoutLookingThemUp(String url) {
    assertThatThrownBy(() -> RULE.check(url)).isInstanceOf(AddressNotAllowed.class).hasMessageContaining("four decimal numbers");
  }

  @Test
  void saysWhyAnAddressIsRefused() {
    assertThatThrownBy(() -> RULE.check("http://127.0.0.1:5432/")).hasMessageContaining("127.0.0.1 is a loopback address").hasMessageContaining("vividly.videos.allowed-hosts");
    assertThatThrownBy(() -> RULE.check("http://10.1.2.3/")).hasMessageContaining("10.1.2.3 is a private address");
    assertThatThrownBy(() -> RULE.check("http://100.64.0.1/")).hasMessageContaining("carrier-grade NAT");
    assertThatThrownBy(() -> RULE.check("http://[fe80::1]/")).hasMessageContaining("link-local");
    assertThatThrownBy(() -> RULE.check("http://[fc00::1]/")).hasMessageContaining("unique-local");
    assertThatThrownBy(() -> RULE.check("http://[::ffff:127.0.0.1]/")).hasMessageContaining("loopback");
    assertThatThrownBy(() -> RULE.check("http://[2002:c0a8:101::1]/")).hasMessageContaining("an IPv6 form of 192.168.1.1, a private address");
    assertThatThrownBy(() -> RULE.check("http://localhost/")).hasMessageContaining("localhost resolves to 127.0.0.1, which is a loopback address");
    assertThatThrownBy(() -> RULE.check("http://169.254.169.254/")).hasMessageContaining("cloud metadata").hasMessageNotContaining("allowed-hosts");
  }

  @Test
  void allowsPublicAddresses() {
    assertThat(RULE.check("https://93.184.215.14/lecture.mp4")).hasHost("93.184.215.14");
    assertThat(RULE.check("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/")).hasScheme("https");
    assertThat(RULE.check("HTTPS://video.example/watch?v=1")).hasPath("/watch");
    assertThat(RULE.check("http://[64:ff9b::5db8:d70e]/")).isNotNull(); // NAT64 of a public address
  }

  @Test
  void refusesANameWhenAnyOfItsAddressesIsPrivate() {
    assertThatThrownBy(() -> RULE.check("http://split.example/")).isInstanceOf(AddressNotAllowed.class).hasMessageContaining("split.example resolves to 10.0.0.5");
  }

  @ParameterizedTest
  @ValueSource(strings = {"file:///etc/passwd", "ftp://93.184.215.14/video.mp4", "gopher://93.184.215.14/", "jar:http://93.184.215.14/x.jar!/", "https://user:secret@93.184.215.14/", "http://user@93.184.215.14/"})
  void refusesOtherSchemesAndAddressesWithAUserName(String url) {
    assertThatThrownBy(() -> RULE.check(url)).isInstanceOf(AddressNotAllowed.class);
  }

  @Test
  void somethingThatIsNotAnAddressOrHasNoHostIsAnInvalidRequest() {
    assertThatThrownBy(() -> RULE.check("not an address")).isInstanceOf(InvalidRequest.class);
    assertThatThrownBy(() -> RULE.check("http://")).isInstanceOf(InvalidRequest.class);
    // java.net.URI reads no host in these shortened and hexadecimal IPv4 forms, so they are not looked up either.
    assertThatThrownBy(() -> RULE.check("http://127.1/")).isInstanceOf(InvalidRequest.class).hasMessageContaining("no host name");
    assertThatThrownBy(() -> RULE.check("http://0x7f.0.0.1/")).isInstanceOf(InvalidRequest.class).hasMessageContaining("no host name");
    assertThatThrownBy(() -> RULE.check("http://unknown.example/")).isInstanceOf(InvalidRequest.class).hasMessageContaining("No address was found for unknown.example");
  }

  @Test
  void theAllowListLetsASchoolsOwnServersThroughButNeverTheMetadataService() {
    AddressRule rule = new AddressRule(List.of("10.20.0.0/16", "media.school.internal", "127.0.0.1", "169.254.0.0/16", "metadata.google.internal"), RULE_DNS);
    assertThat(rule.check("http://10.20.1.2/lecture.mp4")).hasHost("10.20.1.2");
    assertThat(rule.check("http://[::ffff:10.20.1.2]/")).isNotNull();
    assertThat(rule.check("http://media.school.internal/lecture.mp4")).hasHost("media.school.internal");
    assertThat(rule.check("http://127.0.0.1:8080/")).isNotNull();
    assertThat(rule.check("http://169.254.1.1/")).isNotNull();
    assertThatThrownBy(() -> rule.check("http://10.21.0.1/")).isInstanceOf(AddressNotAllowed.class);
    assertThatThrownBy(() -> rule.check("http://127.0.0.2/")).isInstanceOf(AddressNotAllowed.class);
    assertThatThrownBy(() -> rule.check("http://169.254.169.254/")).isInstanceOf(AddressNotAllowed.class).hasMessageContaining("never");
    assertThatThrownBy(() -> rule.check("http://[fd00:ec2::254]/")).isInstanceOf(AddressNotAllowed.class).hasMessageContaining("never");
    assertThatThrownBy(() -> rule.check("http://metadata.google.internal/")).isInstanceOf(AddressNotAllowed.class).hasMessageContaining("never");
  }

  private static final AddressRule.Resolver RULE_DNS = dns(Map.of("media.school.internal", List.of("192.168.5.5")));

  @Test
  void anAllowListEntryThatIsNeitherAHostNorARangeStopsTheStart() {
    assertThatThrownBy(() -> new AddressRule(List.of("10.0.0.0/33"), RULE_DNS)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vividly.videos.allowed-hosts");
    assertThatThrownBy(() -> new AddressRule(List.of("http://media.school/"), RULE_DNS)).isInstanceOf(IllegalArgumentException.class);
  }
}
