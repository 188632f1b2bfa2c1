package org.vividly.ratelimit;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The key under which a client address is counted. An IPv6 address counts by its /64 network,
 * because one subscriber is routinely given a whole /64 and can rotate through its 2^64 addresses
 * (RFC 6177, RFC 8981); IPv4-mapped IPv6 addresses count as the IPv4 address they carry, and every
 * loopback address (127.0.0.0/8, ::1) as one. The address itself is the request's remote address,
 * which is the real client's only when {@code server.forward-headers-strategy} trusts the proxies
 * in front of the server (see the README's security section).
 */
public final class ClientAddress {

  private ClientAddress() {}

  /**
   * @param address a literal IPv4 or IPv6 address as a servlet container reports it (IPv6 with or
   *     without brackets and zone); anything else is kept as it is
   * @return {@code loopback}, a dotted IPv4 address, or an IPv6 /64 prefix such as {@code 2001:db8:1:2::/64}
   */
  public static String key(String address) {
    if (address == null || address.isBlank()) return "unknown";
    String literal = address.strip();
    if (literal.startsWith("[") && literal.endsWith("]")) literal = literal.substring(1, literal.length() - 1);
    int zone = literal.indexOf('%');
    if (zone >= 0) literal = literal.substring(0, zone);
    if (!looksLikeLiteral(literal)) return literal;
    InetAddress ip;
    try {
      // A literal is parsed, never looked up.
      ip = InetAddress.getByName(literal);
    } catch (UnknownHostException | SecurityException e) {
      return literal;
    }
    if (ip.isLoopbackAddress()) return "loopback";
    if (ip instanceof Inet4Address) return ip.getHostAddress();
    // InetAddress already turns IPv4-mapped IPv6 (::ffff:a.b.c.d) into the Inet4Address it carries.
    byte[] bytes = ip.getAddress();
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < 8; i += 2) {
      prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
    }
    return prefix.append(":/64").toString();
  }

  private static boolean looksLikeLiteral(String s) {
    return !s.isEmpty() && (s.indexOf(':') >= 0 || s.chars().allMatch(c -> Character.isDigit(c) || c == '.'));
  }
}
