package org.vividly.videos.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.vividly.common.InvalidRequest;
import org.vividly.videos.AddressNotAllowed;

/**
 * Which web addresses Vividly fetches recordings from: http or https, no user name or password, and
 * a host whose every address (after DNS resolution) is public. Loopback, private (RFC 1918),
 * carrier-grade NAT (RFC 6598), link-local, unique-local (RFC 4193), multicast, unspecified,
 * reserved and broadcast addresses are refused, also when written as IPv4-mapped, IPv4-compatible,
 * NAT64 or 6to4 IPv6 addresses; cloud metadata services are refused always, even when allow-listed.
 * {@code vividly.videos.allowed-hosts} lets a school's own media server through.
 *
 * <p>IPv4 addresses must be written as four decimal numbers: {@code 0177.0.0.1} is 177.0.0.1 to
 * Java but 127.0.0.1 to the C library yt-dlp resolves with, so such forms are refused unread.
 */
@Component
public class AddressRule {

  /** Looks up a host's addresses; {@link InetAddress#getAllByName} outside tests. */
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata.goog");
  /** AWS, GCP and Azure (IPv4), AWS (IPv6) and Alibaba Cloud instance metadata. */
  private static final List<InetAddress> METADATA_ADDRESSES = literals("169.254.169.254", "fd00:ec2::254", "100.100.100.200");
  /** Ranges Java's {@code InetAddress.is...Address} methods do not cover (RFC 6890). */
  private static final List<Range> RESERVED = List.of(
      new Range("0.0.0.0/8", "a \"this network\" address"),
      new Range("100.64.0.0/10", "a carrier-grade NAT address"),
      new Range("192.0.0.0/24", "an IETF protocol address"),
      new Range("198.18.0.0/15", "a benchmarking address"),
      new Range("240.0.0.0/4", "a reserved or broadcast address"),
      new Range("fc00::/7", "a unique-local address"));
  private static final Pattern NUMERIC = Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*");
  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern DOTTED_QUAD = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
  private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

  private record Range(IpAddressMatcher matcher, String reason) {
    Range(String cidr, String reason) {
      this(new IpAddressMatcher(cidr), reason);
    }
  }

  private final Set<String> allowedNames = new HashSet<>();
  private final List<IpAddressMatcher> allowedRanges = new ArrayList<>();
  private final Resolver resolver;

  @Autowired
  AddressRule(VideosProperties properties) {
    this(properties.allowedHosts(), InetAddress::getAllByName);
  }

  /**
   * @param allowedHosts host names (matched exactly) and addresses or CIDR ranges that may be
   *     private; never a metadata service
   * @throws IllegalArgumentException for an entry that is neither
   */
  AddressRule(List<String> allowedHosts, Resolver resolver) {
    this.resolver = resolver;
    for (String entry : allowedHosts) {
      String e = entry.strip().toLowerCase(Locale.ROOT);
      if (e.isEmpty()) continue;
      if (HOST_NAME.matcher(e).matches() && !NUMERIC.matcher(e).matches()) {
        allowedNames.add(e);
        continue;
      }
      try {
        allowedRanges.add(new IpAddressMatcher(e));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException("vividly.videos.allowed-hosts: '" + entry + "' is neither a host name nor an address or CIDR range such as 10.20.0.0/16");
      }
    }
  }

  /**
   * Parses and checks an address someone asked Vividly to fetch.
   *
   * @throws InvalidRequest when it is not a web address, or its host has no address
   * @throws AddressNotAllowed when Vividly may not fetch from it
   */
  public URI check(String url) {
    URI uri;
    try {
      uri = new URI(url == null ? "" : url.strip());
    } catch (java.net.URISyntaxException e) {
      throw new InvalidRequest("'" + url + "' is not a web address.");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) throw new AddressNotAllowed("Send an http or https address, not '" + url + "'.");
    if (uri.getRawUserInfo() != null) throw new AddressNotAllowed("Vividly does not fetch addresses with a user name or password in them; send the address without it.");
    if (uri.getHost() == null) throw new InvalidRequest("'" + url + "' has no host name Vividly can read.");
    checkHost(uri);
    return uri;
  }

  /**
   * Checks a host a fetch is about to connect to, and answers the address to connect to: the
   * checked one itself, so that a second DNS answer (rebinding) cannot send the connection
   * elsewhere.
   *
   * @throws InvalidRequest when the host has no address
   * @throws AddressNotAllowed when Vividly may not fetch from it
   */
  public InetAddress pinned(String host) {
    URI uri;
    try {
      uri = new URI("http", null, host.startsWith("[") ? host.substring(1, host.length() - 1) : host, -1, "/", null, null);
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      throw new InvalidRequest("'" + host + "' is not a host name.");
    }
    if (uri.getHost() == null) throw new InvalidRequest("'" + host + "' is not a host name.");
    return checkHost(uri)[0];
  }

  /** Whether the host was allow-listed by name or address (it may then use any port). */
  boolean allowListed(String host, InetAddress address) {
    String h = host.toLowerCase(Locale.ROOT);
    return allowedNames.contains(h) || allowedRanges.stream().anyMatch(r -> r.matches(withoutScope(address).getHostAddress()));
  }

  private InetAddress[] checkHost(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
    if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
    if (METADATA_HOSTS.contains(host)) throw refused(uri, host + " is a cloud metadata service, which Vividly never fetches from.", false);
    boolean literal = host.contains(":") || DOTTED_QUAD.matcher(host).matches();
    if (!literal && NUMERIC.matcher(host).matches()) throw refused(uri, host + " is an IPv4 address in a form (octal, hexadecimal or shortened) that programs read differently; write it as four decimal numbers.", false);
    boolean allowedName = allowedNames.contains(host);
    InetAddress[] addresses;
    try {
      addresses = literal ? InetAddress.getAllByName(host) : resolver.resolve(host); // a literal is parsed, not looked up
    } catch (UnknownHostException e) {
      throw new InvalidRequest("No address was found for " + host + "; check the address.");
    }
    for (InetAddress address : addresses) {
      Optional<String> why = refusal(address, allowedName);
      if (why.isPresent()) throw refused(uri, (literal ? host : host + " resolves to " + address.getHostAddress() + ", which") + " is " + why.get() + ".", !why.get().contains("metadata"));
    }
    if (addresses.length == 0) throw new InvalidRequest("No address was found for " + host + "; check the address.");
    return addresses;
  }

  /** Why Vividly may not fetch from {@code address}, or empty when it may. */
  Optional<String> refusal(InetAddress address, boolean allowListedName) {
    if (METADATA_ADDRESSES.contains(address)) return Optional.of("a cloud metadata address, which Vividly never fetches from");
    String literal = withoutScope(address).getHostAddress();
    if (allowListedName || allowedRanges.stream().anyMatch(r -> r.matches(literal))) return Optional.empty();
    if (address.isAnyLocalAddress()) return Optional.of("the unspecified address");
    if (address.isLoopbackAddress()) return Optional.of("a loopback address");
    Optional<Inet4Address> embedded = embeddedIpv4(address);
    if (embedded.isPresent()) return refusal(embedded.get(), false).map(why -> "an IPv6 form of " + embedded.get().getHostAddress() + ", " + why);
    if (address.isLinkLocalAddress()) return Optional.of("a link-local address");
    if (address.isSiteLocalAddress()) return Optional.of("a private address");
    if (address.isMulticastAddress()) return Optional.of("a multicast address");
    return RESERVED.stream().filter(r -> r.matcher().matches(literal)).map(Range::reason).findFirst();
  }

  /** The IPv4 address inside an IPv4-compatible, IPv4-mapped, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) one. */
  private static Optional<Inet4Address> embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) return Optional.empty();
    byte[] b = address.getAddress();
    int from = -1;
    if (zeros(b, 0, 10) && (b[10] & b[11] & 0xff) == 0xff) from = 12; // ::ffff:a.b.c.d
    else if (zeros(b, 0, 12)) from = 12; // ::a.b.c.d
    else if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zeros(b, 4, 12)) from = 12;
    else if (b[0] == 0x20 && b[1] == 0x02) from = 2;
    if (from < 0) return Optional.empty();
    try {
      return Optional.of((Inet4Address) InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, from, from + 4)));
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // four bytes are always an address
    }
  }

  private static boolean zeros(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) if (b[i] != 0) return false;
    return true;
  }

  private static InetAddress withoutScope(InetAddress address) {
    try {
      return InetAddress.getByAddress(address.getAddress());
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @param allowable whether {@code vividly.videos.allowed-hosts} could let it through */
  private static AddressNotAllowed refused(URI uri, String why, boolean allowable) {
    return new AddressNotAllowed("Vividly does not fetch " + uri + ": " + why + " Recordings are fetched only from public addresses"
        + (allowable ? "; an administrator can allow a school's own media server with vividly.videos.allowed-hosts." : "."));
  }

  private static List<InetAddress> literals(String... addresses) {
    List<InetAddress> all = new ArrayList<>();
    for (String a : addresses) {
      try {
        all.add(InetAddress.getByName(a)); // literals: no lookup
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }
    return List.copyOf(all);
  }
}
