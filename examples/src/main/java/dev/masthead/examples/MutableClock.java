package dev.masthead.examples;

import java.time.Instant;
import java.time.InstantSource;

/**
 * The examples' clock: set by hand while history is replayed, so that events arrive in their own time, and then,
 * if asked, running on in real time from where it was set (the sample data is dated December 2025).
 * Thread-safe.
 */
public final class MutableClock implements InstantSource {
  private volatile Instant base;
  private volatile long runningSinceNanos;
  private volatile boolean running;

  /**
   * Creates a stopped clock.
   *
   * @param now the time it shows
   */
  public MutableClock(Instant now) {
    this.base = now;
  }

  @Override
  public Instant instant() {
    Instant b = base;
    return running ? b.plusNanos(System.nanoTime() - runningSinceNanos) : b;
  }

  /**
   * Stops the clock at a time.
   *
   * @param instant the time it shows from now on
   */
  public void set(Instant instant) {
    running = false;
    base = instant;
  }

  /** Lets the clock run on in real time from the time it shows. */
  public void run() {
    base = instant();
    runningSinceNanos = System.nanoTime();
    running = true;
  }
}
