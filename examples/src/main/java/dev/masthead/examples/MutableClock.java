package dev.masthead.examples;

import java.time.Instant;
import java.time.InstantSource;

/** The demo's clock: moved along while history is replayed, so that events arrive in their own time. */
final class MutableClock implements InstantSource {
  private volatile Instant now;

  MutableClock(Instant now) {
    this.now = now;
  }

  @Override
  public Instant instant() {
    return now;
  }

  void set(Instant instant) {
    now = instant;
  }
}
