package dev.masthead.comments.spam;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The memory behind the in-memory flood, duplicate and approved-author stores: each entry is forgotten when its
 * retention has passed on the host's clock, and once {@code maxEntries} are held, a new entry pushes out the
 * entry written longest ago. Writing a key again makes it the newest.
 *
 * <p>Recency is the point: a flood or duplicate memory must keep what it saw last. Caffeine's
 * {@code maximumSize} is not used because its W-TinyLFU policy admits a new entry only if it looks more
 * frequently used than the entry it would evict, so a full cache refuses fresh keys seen once (issue 10,
 * "recent entries forgotten").
 *
 * <p>A {@link LinkedHashMap} in insertion order under this object's monitor: every operation is O(1) plus the
 * expired entries it removes from the oldest end, and takes the lock for well under a microsecond. Callers
 * that need several operations to be atomic hold the monitor ({@code synchronized (memory)}). Thread-safe.
 */
final class ExpiringMemory<V> {
  /** The default bound of a flood or duplicate memory: 100,000 entries, a few MB. */
  static final int DEFAULT_MAX_ENTRIES = 100_000;

  private record Entry<V>(V value, Instant expiresAt) {}

  private final LinkedHashMap<String, Entry<V>> entries = new LinkedHashMap<>();
  private final int maxEntries;
  private final InstantSource clock;

  /**
   * @throws IllegalArgumentException if {@code maxEntries} is not positive
   */
  ExpiringMemory(int maxEntries, InstantSource clock) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive, was " + maxEntries);
    }
    this.maxEntries = maxEntries;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The value of a live entry, or null if there is none or it has expired. */
  synchronized @Nullable V get(String key) {
    Instant now = clock.instant();
    Entry<V> e = entries.get(key);
    if (e == null) {
      return null;
    }
    if (!now.isBefore(e.expiresAt())) {
      entries.remove(key);
      return null;
    }
    return e.value();
  }

  /** Writes the entry as the newest, kept for {@code retention} from now. */
  synchronized void put(String key, V value, Duration retention) {
    Instant now = clock.instant();
    entries.remove(key); // re-inserting moves it to the newest end
    entries.put(key, new Entry<>(value, expiry(now, retention)));
    trim(now);
  }

  /** Writes the entry unless a live one exists; returns whether it wrote. */
  synchronized boolean putIfAbsent(String key, V value, Duration retention) {
    if (get(key) != null) {
      return false;
    }
    put(key, value, retention);
    return true;
  }

  synchronized int size() {
    return entries.size();
  }

  private void trim(Instant now) {
    Iterator<Map.Entry<String, Entry<V>>> oldest = entries.entrySet().iterator();
    while (oldest.hasNext()) {
      Map.Entry<String, Entry<V>> e = oldest.next();
      if (entries.size() > maxEntries || !now.isBefore(e.getValue().expiresAt())) {
        oldest.remove();
      } else {
        break; // entries are in write order; with one retention per store the rest expire later
      }
    }
  }

  private static Instant expiry(Instant now, Duration retention) {
    try {
      return now.plus(retention);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return Instant.MAX;
    }
  }

  /**
   * Checks a retention passed to a store.
   *
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if not positive
   */
  static Duration checkRetention(Duration retention) {
    Objects.requireNonNull(retention, "retention");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive, was " + retention);
    }
    return retention;
  }
}
