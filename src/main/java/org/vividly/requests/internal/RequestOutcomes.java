package org.vividly.requests.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vividly.requests.ContentRequestFinished;
import org.vividly.requests.Modality;

/** Finishes requests: sets the final status and publishes {@link ContentRequestFinished} in one transaction. */
@Component
class RequestOutcomes {

  private final RequestStore store;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;


  RequestOutcomes(RequestStore store, TransactionTemplate tx, ApplicationEventPublisher events) {
    this.store = store;
    this.tx = tx;
    this.events = events;
  }

  /** Completed when every modality asked for was delivered, failed otherwise (keeping the reasons recorded). */
  void finish(UUID id) {
    tx.executeWithoutResult(s -> {
      RequestStore.Row r = store.find(id).orElseThrow();
      boolean all = r.outcomes().values().stream().allMatch("completed"::equals);
      store.finish(id, all ? "completed" : "failed", r.error());
      publish(id);
    });
  }

  /** Marks the modalities still pending as failed for {@code reason} and fails the request. */
  void fail(UUID id, String reason) {
    tx.executeWithoutResult(s -> {
      RequestStore.Row r = store.find(id).orElseThrow();
      StringBuilder error = new StringBuilder(r.error() == null ? "" : r.error() + " ");
      for (var e : r.outcomes().entrySet()) {
        if (!"pending".equals(e.getValue())) continue;
        Modality m = Modality.parse(e.getKey());
        store.setOutcome(id, m, "failed");
        store.skipStages(id, m);
        error.append(capitalize(m.key())).append(" failed: ").append(reason).append(' ');
      }
      store.finish(id, "failed", error.toString().strip());
      publish(id);
    });
  }

  /** Records a modality that cannot be made here, with why, before any work starts. */
  void unavailable(UUID id, Modality modality, String reason) {
    RequestStore.Row r = store.find(id).orElseThrow();
    store.setOutcome(id, modality, "unavailable");
    store.skipStages(id, modality);
    String error = (r.error() == null ? "" : r.error() + " ") + capitalize(modality.key()) + " is unavailable: " + reason;
    store.setError(id, error.strip());
  }

  private void publish(UUID id) {
    RequestStore.Row r = store.find(id).orElseThrow();
    BigDecimal cost = store.stages(id).stream().map(RequestStore.StageRow::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    long ms = Duration.between(r.createdAt(), r.completedAt() == null ? Instant.now() : r.completedAt()).toMillis();
    // A request that did not deliver everything it was asked for does not count against the
    // quota: FailedRequests gives its unit back when it hears this.
    events.publishEvent(new ContentRequestFinished(r.organization(), id, r.status(), r.outcomes(), cost, ms));
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
