package dev.masthead.ranking;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves; never sleeps. */
final class MutableClock implements InstantSource {
  private volatile Instant now;

  MutableClock(Instant start) {
    this.now = start;
  }

  @Override
  public Instant instant() {
    return now;
  }

  void set(Instant instant) {
    now = instant;
  }

  void advance(Duration d) {
    now = now.plus(d);
  }
}
