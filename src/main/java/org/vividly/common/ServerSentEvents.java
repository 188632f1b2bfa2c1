package org.vividly.common;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Follows something that changes on the server (a job, a content request) as a Server-Sent Events
 * stream: a {@code progress} event with its JSON whenever it changed, then one {@code done} event
 * when it finished, and the stream closes. A change this server makes is pushed at once (the code
 * that changes it calls {@link ChangeSignals#signal}); one made by another server sharing the
 * database is seen within two seconds. Events are at most four a second.
 */
public final class ServerSentEvents {

  private ServerSentEvents() {}

  /**
   * @param key what {@link ChangeSignals#signal} names when it changes, for example {@code job:<id>}
   * @param poll reads the current state; a {@link NotFound} (deleted meanwhile) ends the stream
   * @param finished whether the state is final
   */
  public static <T> SseEmitter follow(String key, Supplier<T> poll, Predicate<T> finished) {
    SseEmitter emitter = new SseEmitter(Duration.ofHours(2).toMillis());
    ChangeSignals.follow(key);
    Thread.ofVirtual().name("events-" + key).start(() -> {
      try {
        T last = null;
        while (true) {
          long seen = ChangeSignals.version(key);
          T now = poll.get();
          if (finished.test(now)) {
            emitter.send(SseEmitter.event().name("done").data(now, MediaType.APPLICATION_JSON));
            emitter.complete();
            return;
          }
          if (!Objects.equals(now, last)) emitter.send(SseEmitter.event().name("progress").data(now, MediaType.APPLICATION_JSON));
          last = now;
          Thread.sleep(250);
          ChangeSignals.await(key, seen, 2000);
        }
      } catch (NotFound | IOException | IllegalStateException e) {
        emitter.completeWithError(e); // deleted meanwhile, or the client went away
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        emitter.complete();
      } finally {
        ChangeSignals.forget(key);
      }
    });
    return emitter;
  }
}
