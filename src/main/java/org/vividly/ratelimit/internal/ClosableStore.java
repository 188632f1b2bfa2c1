package org.vividly.ratelimit.internal;

import org.vividly.ratelimit.RateLimits;

/** A bucket store that holds resources (a Redis connection) until the server stops. */
interface ClosableStore extends RateLimits.Store, AutoCloseable {
  @Override
  void close();
}
