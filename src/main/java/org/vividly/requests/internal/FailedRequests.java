package org.vividly.requests.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.vividly.quota.Quotas;
import org.vividly.requests.ContentRequestFinished;

/**
 * A request that failed gives its quota unit back. Through the event publication registry, so a
 * crash between the failure and the release is replayed on the next start; releasing twice does
 * nothing.
 */
@Component
class FailedRequests {

  private final Quotas quotas;

  FailedRequests(Quotas quotas) {
    this.quotas = quotas;
  }

  @ApplicationModuleListener
  void on(ContentRequestFinished event) {
    if ("failed".equals(event.status())) quotas.release(event.requestId());
  }
}
