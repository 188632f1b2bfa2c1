package org.vividly.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChangeSignalsTests {

  @Test
  void aSignalWakesWhoWaitsForThatKeyOnly() throws Exception {
    long seen = ChangeSignals.version("job:a");
    CountDownLatch woke = new CountDownLatch(1);
    Thread waiter = Thread.ofVirtual().start(() -> {
      try {
        ChangeSignals.await("job:a", seen, 60_000);
        woke.countDown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    ChangeSignals.signal("job:b");
    assertThat(woke.await(300, TimeUnit.MILLISECONDS)).as("another key's signal").isFalse();
    ChangeSignals.signal("job:a");
    assertThat(woke.await(30, TimeUnit.SECONDS)).as("its own key's signal").isTrue();
    waiter.join();
  }

  @Test
  void aChangeMadeBeforeTheWaitIsNotMissed() throws Exception {
    long seen = ChangeSignals.version("request:c");
    ChangeSignals.signal("request:c");
    // The version moved on since it was read, so the wait returns at once instead of after a minute.
    Thread waiter = Thread.ofVirtual().start(() -> {
      try {
        ChangeSignals.await("request:c", seen, 60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    waiter.join(30_000);
    assertThat(waiter.isAlive()).isFalse();
  }

  @Test
  void aStreamThatStopsFollowingLeavesTheOthersOnTheSameKeyAwake() throws Exception {
    // Two tabs follow the same video list; the first closes while the second waits.
    ChangeSignals.follow("videos:org");
    ChangeSignals.follow("videos:org");
    long seen = ChangeSignals.version("videos:org");
    CountDownLatch woke = new CountDownLatch(1);
    Thread waiter = Thread.ofVirtual().start(() -> {
      try {
        ChangeSignals.await("videos:org", seen, 60_000);
        woke.countDown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Thread.sleep(100);
    ChangeSignals.forget("videos:org");
    ChangeSignals.signal("videos:org");
    assertThat(woke.await(30, TimeUnit.SECONDS)).as("the second follower is woken").isTrue();
    waiter.join();
    ChangeSignals.forget("videos:org");
  }
}
