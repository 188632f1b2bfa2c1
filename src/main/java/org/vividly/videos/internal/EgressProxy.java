package org.vividly.videos.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vividly.common.VividlyException;

/**
 * The only way out for yt-dlp: an HTTP proxy on 127.0.0.1, given to yt-dlp with {@code --proxy},
 * that applies {@link AddressRule} to every connection yt-dlp makes (its extractor's pages, the
 * manifests, the media, and every redirect among them), after DNS resolution, and connects to the
 * address it checked, so that a second DNS answer cannot redirect the connection (rebinding). A
 * refused connection answers 403 with the reason; nothing is sent to the refused address.
 *
 * <p>It speaks the two forms proxies are asked in (RFC 9110 §9.3.6 CONNECT for https, absolute-form
 * requests for plain http, RFC 9112 §3.2.2), one exchange per connection. Ports other than 80 and
 * 443 are refused unless the host is allow-listed ({@code vividly.videos.allowed-hosts}).
 */
final class EgressProxy implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EgressProxy.class);
  private static final int MAX_HEAD_BYTES = 64 * 1024;
  private static final int TIMEOUT_MS = 15_000;
  private static final Set<Integer> PUBLIC_PORTS = Set.of(80, 443);

  private final AddressRule rule;
  private final ServerSocket server;

  private EgressProxy(AddressRule rule) throws IOException {
    this.rule = rule;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("egress-proxy-" + server.getLocalPort()).start(this::accept);
  }

  /** Starts a proxy on a free loopback port; close it when the fetch is done. */
  static EgressProxy start(AddressRule rule) throws IOException {
    return new EgressProxy(rule);
  }

  /** For {@code --proxy}: {@code http://127.0.0.1:<port>}. */
  String address() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread.ofVirtual().start(() -> serve(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setSoTimeout(TIMEOUT_MS);
      InputStream in = client.getInputStream();
      String head = readHead(in);
      if (head == null) return;
      String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
      if (requestLine.length != 3) {
        refuse(client, 400, "Not an HTTP request line.");
        return;
      }
      boolean tunnel = requestLine[0].equalsIgnoreCase("CONNECT");
      String host;
      int port;
      String forwarded = null;
      if (tunnel) {
        int colon = requestLine[1].lastIndexOf(':');
        if (colon < 0) {
          refuse(client, 400, "CONNECT needs host:port.");
          return;
        }
        host = requestLine[1].substring(0, colon);
        port = Integer.parseInt(requestLine[1].substring(colon + 1));
      } else {
        URI target = URI.create(requestLine[1]);
        if (!"http".equalsIgnoreCase(target.getScheme()) || target.getHost() == null) {
          refuse(client, 400, "A proxy request names an absolute http address.");
          return;
        }
        host = target.getHost();
        port = target.getPort() < 0 ? 80 : target.getPort();
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        if (target.getRawQuery() != null) path += "?" + target.getRawQuery();
        forwarded = requestLine[0] + " " + path + " " + requestLine[2] + "\r\n" + withoutProxyHeaders(head.substring(head.indexOf("\r\n") + 2));
      }
      InetAddress address;
      try {
        address = rule.pinned(host);
      } catch (VividlyException e) {
        log.info("Refused a connection of yt-dlp to {}:{}: {}", host, port, e.getMessage());
        refuse(client, 403, e.getMessage());
        return;
      }
      if (!PUBLIC_PORTS.contains(port) && !rule.allowListed(host, address)) {
        refuse(client, 403, "Vividly fetches from ports 80 and 443 only, not " + port + ", unless the host is in vividly.videos.allowed-hosts.");
        return;
      }
      try (Socket upstream = new Socket()) {
        upstream.connect(new InetSocketAddress(address, port), TIMEOUT_MS);
        upstream.setSoTimeout(0);
        client.setSoTimeout(0);
        OutputStream toClient = client.getOutputStream();
        if (tunnel) {
          toClient.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } else {
          upstream.getOutputStream().write(forwarded.getBytes(StandardCharsets.ISO_8859_1));
        }
        toClient.flush();
        Thread up = Thread.ofVirtual().start(() -> pump(in, upstream));
        pump(upstream.getInputStream(), client);
        up.interrupt();
      } catch (IOException e) {
        refuse(client, 502, "Could not reach " + host + ":" + port + ".");
      }
    } catch (IOException | RuntimeException e) {
      log.debug("Egress proxy connection ended: {}", e.toString());
    }
  }

  /** The request line and headers, up to and including the blank line; null when the client left. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (head.size() < MAX_HEAD_BYTES) {
      int b = in.read();
      if (b < 0) return null;
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) return head.toString(StandardCharsets.ISO_8859_1);
    }
    return null;
  }

  /** One exchange per connection: the origin closes after its answer. */
  private static String withoutProxyHeaders(String headers) {
    StringBuilder out = new StringBuilder();
    for (String line : headers.split("\r\n")) {
      if (line.isEmpty()) continue;
      String name = line.contains(":") ? line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT) : "";
      if (name.startsWith("proxy-") || name.equals("connection") || name.equals("keep-alive")) continue;
      out.append(line).append("\r\n");
    }
    return out.append("Connection: close\r\n\r\n").toString();
  }

  private static void pump(InputStream from, Socket to) {
    try {
      from.transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException e) {
      // one side went away; the other is closed with it
    }
  }

  private static void refuse(Socket client, int status, String reason) throws IOException {
    byte[] body = reason.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + (status == 403 ? " Forbidden" : status == 502 ? " Bad Gateway" : " Bad Request") + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
    OutputStream out = client.getOutputStream();
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }
}
