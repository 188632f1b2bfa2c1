package org.vividly.videos.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * yt-dlp's only way out, against a media server on 127.0.0.1: what the rule allows goes through
 * (plain requests and CONNECT tunnels), what it refuses answers 403 and reaches nobody.
 */
class EgressProxyTests {

  HttpServer server;
  final List<String> seen = new CopyOnWriteArrayList<>();
  int port;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Connection"));
      byte[] body = "lecture bytes".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    port = server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static AddressRule rule(List<String> allowed) {
    return new AddressRule(allowed, AddressRuleTests.dns(Map.of("rebind.example", List.of("10.0.0.7"), "cdn.example", List.of("93.184.215.14"))));
  }

  private static HttpResponse<String> through(EgressProxy proxy, String url) throws Exception {
    URI address = URI.create(proxy.address());
    HttpClient client = HttpClient.newBuilder().proxy(ProxySelector.of(new InetSocketAddress(address.getHost(), address.getPort()))).build();
    return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anAllowListedMediaServerIsReachedThroughTheProxyWithItsPathAndQuery() throws Exception {
    try (EgressProxy proxy = EgressProxy.start(rule(List.of("127.0.0.1")))) {
      HttpResponse<String> response = through(proxy, "http://127.0.0.1:" + port + "/lectures/one.mp4?range=full");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("lecture bytes");
    }
    assertThat(seen).containsExactly("GET /lectures/one.mp4?range=full close");
  }

  @Test
  void aConnectTunnelToAnAllowedHostCarriesTheBytesBothWays() throws Exception {
    try (EgressProxy proxy = EgressProxy.start(rule(List.of("127.0.0.1"))); Socket socket = new Socket("127.0.0.1", URI.create(proxy.address()).getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(("CONNECT 127.0.0.1:" + port + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      assertThat(line(in)).isEqualTo("HTTP/1.1 200 Connection Established");
      line(in);
      out.write(("GET /through-the-tunnel HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200").endsWith("lecture bytes");
    }
    assertThat(seen).hasSize(1).first().asString().startsWith("GET /through-the-tunnel");
  }

  @Test
  void theServersOwnNetworkIsRefusedWith403AndNeverReached() throws Exception {
    try (EgressProxy proxy = EgressProxy.start(rule(List.of()))) {
      HttpResponse<String> loopback = through(proxy, "http://127.0.0.1:" + port + "/admin");
      assertThat(loopback.statusCode()).isEqualTo(403);
      assertThat(loopback.body()).contains("loopback");
      HttpResponse<String> rebound = through(proxy, "http://rebind.example/video.mp4");
      assertThat(rebound.statusCode()).isEqualTo(403);
      assertThat(rebound.body()).contains("10.0.0.7").contains("private");
    }
    assertThat(seen).as("nothing reached the server").isEmpty();
  }

  @Test
  void aTunnelToTheMetadataServiceOrAnOddPortIsRefusedBeforeConnecting() throws Exception {
    try (EgressProxy proxy = EgressProxy.start(rule(List.of()))) {
      assertThat(connect(proxy, "169.254.169.254:443")).startsWith("HTTP/1.1 403").contains("metadata");
      assertThat(connect(proxy, "cdn.example:6379")).startsWith("HTTP/1.1 403").contains("ports 80 and 443");
    }
  }

  private static String connect(EgressProxy proxy, String target) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", URI.create(proxy.address()).getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') if (b != '\r') line.append((char) b);
    return line.toString();
  }
}
