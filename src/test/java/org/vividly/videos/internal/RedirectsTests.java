package org.vividly.videos.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vividly.media.MediaFailed;
import org.vividly.videos.AddressNotAllowed;

/**
 * Redirects from an allow-listed server on 127.0.0.1. Every request to any other host is routed to
 * a trap on 127.0.0.1 that only counts connections, so a broken check cannot reach the network.
 */
class RedirectsTests {

  HttpServer server;
  ServerSocket trap;
  final AtomicInteger trapped = new AtomicInteger();
  final Queue<String> requests = new ConcurrentLinkedQueue<>();
  Redirects redirects;
  String base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    Map<String, String> moves = Map.of(
        "/to-metadata", "http://169.254.169.254/latest/meta-data/",
        "/hop", "/hop-two",
        "/hop-two", "final",
        "/loop", "/loop");
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      requests.add(exchange.getRequestMethod() + " " + path);
      if (path.equals("/two-faced") && exchange.getRequestMethod().equals("GET")) {
        exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
        exchange.sendResponseHeaders(302, -1);
      } else if (path.equals("/no-head") && exchange.getRequestMethod().equals("HEAD")) {
        exchange.sendResponseHeaders(405, -1);
      } else if (path.equals("/no-head")) {
        exchange.getResponseHeaders().add("Location", "/final");
        exchange.sendResponseHeaders(302, -1);
      } else if (moves.containsKey(path)) {
        exchange.getResponseHeaders().add("Location", moves.get(path));
        exchange.sendResponseHeaders(path.equals("/hop") ? 301 : 302, -1);
      } else {
        exchange.sendResponseHeaders(200, -1);
      }
      exchange.close();
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();

    trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(() -> {
      while (!trap.isClosed()) {
        try {
          Socket connection = trap.accept();
          trapped.incrementAndGet();
          connection.close();
        } catch (IOException e) {
          return;
        }
      }
    });
    ProxySelector onlyLoopback = new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        return uri.getHost().equals("127.0.0.1") ? List.of(Proxy.NO_PROXY) : List.of(new Proxy(Proxy.Type.HTTP, trap.getLocalSocketAddress()));
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException e) {}
    };
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).proxy(onlyLoopback).build();
    redirects = new Redirects(new AddressRule(List.of("127.0.0.1"), AddressRuleTests.dns(Map.of())), http);
  }

  @AfterEach
  void stop() throws IOException {
    server.stop(0);
    trap.close();
  }

  @Test
  void aRedirectToTheMetadataServiceIsRefusedWithoutConnectingToIt() {
    assertThatThrownBy(() -> redirects.follow(base + "/to-metadata")).isInstanceOf(AddressNotAllowed.class).hasMessageContaining("169.254.169.254 is a cloud metadata address");
    assertThat(requests).containsExactly("HEAD /to-metadata");
    assertThat(trapped).hasValue(0);
  }

  @Test
  void followsRedirectsAndAnswersWhereTheyEnd() {
    assertThat(redirects.follow(base + "/hop")).isEqualTo(URI.create(base + "/final"));
    assertThat(requests).containsExactly("HEAD /hop", "HEAD /hop-two", "HEAD /final", "GET /final");
  }

  @Test
  void asksWithGetWhenTheServerRefusesHead() {
    assertThat(redirects.follow(base + "/no-head")).isEqualTo(URI.create(base + "/final"));
    assertThat(requests).containsExactly("HEAD /no-head", "GET /no-head", "HEAD /final", "GET /final");
  }

  @Test
  void aServerThatRedirectsOnlyGetsToTheMetadataServiceIsCaughtToo() {
    assertThatThrownBy(() -> redirects.follow(base + "/two-faced")).isInstanceOf(AddressNotAllowed.class);
    assertThat(requests).containsExactly("HEAD /two-faced", "GET /two-faced");
    assertThat(trapped).hasValue(0);
  }

  @Test
  void givesUpAfterFiveRedirects() {
    assertThatThrownBy(() -> redirects.follow(base + "/loop")).isInstanceOf(MediaFailed.class).hasMessageContaining("more than 5 times");
    assertThat(requests).hasSize(6);
  }

  @Test
  void theFirstAddressIsCheckedBeforeAnythingIsAsked() {
    assertThatThrownBy(() -> redirects.follow("http://10.0.0.1/")).isInstanceOf(AddressNotAllowed.class);
    assertThat(requests).isEmpty();
    assertThat(trapped).hasValue(0);
  }
}
