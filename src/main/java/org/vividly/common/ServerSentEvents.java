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
 * stream: a {@code progress} event with its JSON whenever it changed (checked every half second),
 * then one {@code done} event when it finished, and the stream closes.
 */
public final class ServerSentEvents {

  private ServerSentEvents() {}

  /**
   * @param poll reads the current state; a {@link NotFound} (deleted meanwhile) ends the stream
   * @param finished whether the state is final
   */
  public static <T> SseEmitter follow(String name, Supplier<T> poll, Predicate<T> finished) {
    SseEmitter emitter = new SseEmitter(Duration.ofHours(2).toMillis());
    Thread.ofVirtual().name(name).start(() -> {
      try {
        T last = null;
        while (true) {
          T now = poll.get();
          if (finished.test(now)) {
            emitter.send(SseEmitter.event().name("done").data(now, MediaType.APPLICATION_JSON));
            emitter.complete();
            return;
          }
          if (!Objects.equals(now, last)) emitter.send(SseEmitter.event().name("progress").data(now, MediaType.APPLICATION_JSON));
          last = now;
          Thread.sleep(500);
        }
      } catch (NotFound | IOException | IllegalStateException e) {
        emitter.completeWithError(e); // deleted meanwhile, or the client went away
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        emitter.complete();
      }
    });
    return emitter;
  }
}
