package org.vividly.videos.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.vividly.media.MediaFailed;
import org.vividly.videos.AddressNotAllowed;

/**
 * Follows an address's HTTP redirects before yt-dlp is given it, checking every hop with the
 * {@link AddressRule} before connecting to it, so that a public page cannot send the server on to
 * its own network. A HEAD request is tried first, then a GET (its body is not read) when the site
 * refuses HEAD. yt-dlp's own requests (its extractors fetch pages, manifests and media) are not
 * checked again: this narrows server-side request forgery, it does not sandbox yt-dlp.
 */
@Component
public class Redirects {

  static final int MAX_HOPS = 5;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final AddressRule rule;
  private final HttpClient http;

  @Autowired
  Redirects(AddressRule rule) {
    this(rule, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build());
  }

  Redirects(AddressRule rule, HttpClient http) {
    this.rule = rule;
    this.http = http;
  }

  /**
   * @param url an address {@link AddressRule#check} allowed
   * @return where its redirects end
   * @throws AddressNotAllowed when a redirect leads to an address Vividly does not fetch from
   * @throws MediaFailed when a hop cannot be reached, or there are more than {@value #MAX_HOPS} redirects
   */
  public URI follow(String url) {
    URI current = rule.check(url);
    for (int hop = 0; hop <= MAX_HOPS; hop++) {
      Optional<String> location = location(current);
      if (location.isEmpty()) return current;
      URI next;
      try {
        next = current.resolve(location.get().strip());
      } catch (IllegalArgumentException e) {
        throw new MediaFailed(current + " redirects to '" + location.get() + "', which is not a web address.", false);
      }
      current = rule.check(next.toString());
    }
    throw new MediaFailed(url + " redirects more than " + MAX_HOPS + " times.", false);
  }

  /** Where {@code uri} redirects to, or empty when it answers with anything else. */
  private Optional<String> location(URI uri) {
    HttpResponse<Void> head = send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    if (REDIRECTS.contains(head.statusCode())) return locationOf(uri, head);
    // Also when HEAD answered 200: a server may answer HEAD and GET differently, and yt-dlp GETs.
    HttpResponse<InputStream> get = send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    try {
      get.body().close(); // unread: only the status and headers matter
    } catch (IOException e) {
      // nothing was wanted from the body
    }
    return REDIRECTS.contains(get.statusCode()) ? locationOf(uri, get) : Optional.empty();
  }

  private static Optional<String> locationOf(URI uri, HttpResponse<?> response) {
    return Optional.of(response.headers().firstValue("Location").orElseThrow(() -> new MediaFailed(uri + " answered " + response.statusCode() + " without saying where to.", false)));
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return http.send(request, body);
    } catch (IOException e) {
      throw new MediaFailed("Could not reach " + request.uri() + ": " + e.getMessage(), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MediaFailed("Interrupted while reaching " + request.uri(), true, e);
    }
  }
}
