package dev.masthead.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A clock that stands still until the test moves it: pass it wherever Masthead takes an
 * {@link java.time.InstantSource} (or a {@link Clock}) and call {@link #advance} or {@link #set} instead of
 * sleeping.
 *
 * <p>It may be moved backwards ({@link #set} an earlier instant, {@link #advance} a negative duration), to test
 * how a component treats a clock that steps back.
 *
 * <p>Thread-safe: readers on any thread see the latest move; {@link #advance} is atomic, so concurrent
 * advances add up. Clocks made by {@link #withZone} share this clock's time.
 */
public final class TestClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  /**
   * Creates a clock showing {@code start} in UTC.
   *
   * @param start the instant it shows until moved
   * @throws NullPointerException if {@code start} is null
   */
  public TestClock(Instant start) {
    this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  private TestClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * Returns the instant the clock shows.
   *
   * @return the instant last set or advanced to
   */
  @Override
  public Instant instant() {
    return now.get();
  }

  /**
   * Returns the instant the clock shows, in milliseconds since the epoch.
   *
   * @return {@code instant().toEpochMilli()}
   */
  @Override
  public long millis() {
    return now.get().toEpochMilli();
  }

  /**
   * Returns the zone.
   *
   * @return UTC, or the zone given to {@link #withZone}
   */
  @Override
  public ZoneId getZone() {
    return zone;
  }

  /**
   * Returns a clock in another zone that shares this clock's time: moving either moves both.
   *
   * @param zone the zone
   * @return a clock in {@code zone}
   * @throws NullPointerException if {@code zone} is null
   */
  @Override
  public TestClock withZone(ZoneId zone) {
    return new TestClock(now, Objects.requireNonNull(zone, "zone"));
  }

  /**
   * Moves the clock to an instant.
   *
   * @param instant the instant it shows from now on; may be earlier than the current one
   * @throws NullPointerException if {@code instant} is null
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  /**
   * Moves the clock by a span.
   *
   * @param span how far; negative moves it back
   * @return the instant it shows now
   * @throws NullPointerException if {@code span} is null
   * @throws java.time.DateTimeException if the result is outside {@link Instant}'s range
   */
  public Instant advance(Duration span) {
    Objects.requireNonNull(span, "span");
    return now.updateAndGet(t -> t.plus(span));
  }

  /**
   * Returns whether another object is a test clock sharing this clock's time, in the same zone.
   *
   * @param other the object
   * @return whether they always show the same instant in the same zone
   */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof TestClock c && c.now == now && c.zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(now) * 31 + zone.hashCode();
  }

  @Override
  public String toString() {
    return "TestClock[" + now.get() + ", " + zone + "]";
  }
}
