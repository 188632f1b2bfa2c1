package org.vividly.common;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes the streams that follow something (a job, a content request) when this server changes it,
 * so they send at once instead of on their next poll. Changes made by another server are seen when
 * the stream's wait times out and it reads the state again.
 */
public final class ChangeSignals {

  private static final ConcurrentHashMap<String, Signal> SIGNALS = new ConcurrentHashMap<>();

  private ChangeSignals() {}

  private static final class Signal {
    final ReentrantLock lock = new ReentrantLock();
    final Condition changed = lock.newCondition();
    long version;
    int followers;
  }

  /**
   * Says that what {@code key} names (for example {@code job:<id>}) changed; inside a transaction,
   * once it commits, so a woken stream reads the new state.
   */
  public static void signal(String key) {
    if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
      org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          wake(key);
        }
      });
      return;
    }
    wake(key);
  }

  private static void wake(String key) {
    Signal s = SIGNALS.get(key);
    if (s == null) return;
    s.lock.lock();
    try {
      s.version++;
      s.changed.signalAll();
    } finally {
      s.lock.unlock();
    }
  }

  /** The current version of {@code key}, to wait for a change after it. */
  static long version(String key) {
    Signal s = SIGNALS.computeIfAbsent(key, k -> new Signal());
    s.lock.lock();
    try {
      return s.version;
    } finally {
      s.lock.unlock();
    }
  }

  /** Waits until {@code key} changes after {@code seen}, or {@code timeoutMillis} pass. */
  static void await(String key, long seen, long timeoutMillis) throws InterruptedException {
    Signal s = SIGNALS.computeIfAbsent(key, k -> new Signal());
    s.lock.lock();
    try {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (s.version == seen) {
        long left = deadline - System.nanoTime();
        if (left <= 0) return;
        s.changed.awaitNanos(left);
      }
    } finally {
      s.lock.unlock();
    }
  }

  /** One more stream follows {@code key}; each call is paired with one {@link #forget}. */
  static void follow(String key) {
    SIGNALS.compute(key, (k, s) -> {
      Signal signal = s == null ? new Signal() : s;
      signal.followers++;
      return signal;
    });
  }

  /**
   * A stream stopped following {@code key}; the key is forgotten when no stream follows it any more,
   * so another stream still waiting on it (a second tab on the same list) keeps being woken.
   */
  static void forget(String key) {
    SIGNALS.computeIfPresent(key, (k, s) -> --s.followers <= 0 ? null : s);
  }
}
