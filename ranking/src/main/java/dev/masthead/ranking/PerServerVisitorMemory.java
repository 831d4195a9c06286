package dev.masthead.ranking;

import dev.masthead.core.ArticleId;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The per-server {@link VisitorMemory}: 16 segments, each a {@link LinkedHashMap} in insertion order under its
 * own lock. A remembered sighting is removed and put again, so it moves to the end; the head of a segment is
 * therefore the entry written longest ago. Expired entries are taken from the head on every call, and when a
 * segment is full its head goes first ({@link LinkedHashMap#removeEldestEntry}). Unlike Caffeine's
 * {@code maximumSize} (W-TinyLFU, which under pressure refuses newcomers seen once and keeps old frequent
 * entries), this never forgets a recent visitor while an older one is kept.
 *
 * <p>Thread-safe.
 */
final class PerServerVisitorMemory implements VisitorMemory {
  static final int SEGMENTS = 16;

  private record Key(ArticleId articleId, EngagementKind kind, String visitorId) {}

  /** The event time of the last counted sighting, and when the entry may be forgotten. */
  private static final class Entry {
    final long occurredAt;
    final long expiresAt;

    Entry(long occurredAt, long expiresAt) {
      this.occurredAt = occurredAt;
      this.expiresAt = expiresAt;
    }
  }

  private static final class Segment extends LinkedHashMap<Key, Entry> {
    private static final long serialVersionUID = 1L;
    private final transient long bound;

    Segment(long bound) {
      super(16, 0.75f, false);
      this.bound = bound;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
      return size() > bound;
    }

    void expire(long now) {
      Iterator<Entry> it = values().iterator();
      while (it.hasNext()) {
        if (it.next().expiresAt > now) {
          return; // entries behind the head were written later; with a constant keep time they expire later
        }
        it.remove();
      }
    }
  }

  private final Segment[] segments = new Segment[SEGMENTS];

  PerServerVisitorMemory(long maxEntries) {
    if (maxEntries < SEGMENTS) {
      throw new IllegalArgumentException("maxVisitorEntries must be at least " + SEGMENTS + ", was " + maxEntries);
    }
    for (int i = 0; i < SEGMENTS; i++) {
      segments[i] = new Segment(maxEntries / SEGMENTS);
    }
  }

  /** Decides one sighting; see {@link VisitorMemory}. */
  boolean first(ArticleId articleId, EngagementKind kind, String visitorId, long occurredAt, long periodMillis,
      long rememberMillis, long now) {
    Key key = new Key(articleId, kind, visitorId);
    Segment s = segments[(key.hashCode() ^ (key.hashCode() >>> 16)) & (SEGMENTS - 1)];
    synchronized (s) {
      s.expire(now);
      Entry prev = s.get(key);
      if (prev != null && Math.abs(occurredAt - prev.occurredAt) < periodMillis) {
        return false;
      }
      s.remove(key); // put again at the end: the newest entry
      s.put(key, new Entry(occurredAt, now + rememberMillis));
      return true;
    }
  }

  @Override
  public CompletionStage<boolean[]> firstSightings(
      List<Sighting> sightings, Duration period, Duration remember, long nowEpochMillis) {
    Objects.requireNonNull(sightings, "sightings");
    long p = Objects.requireNonNull(period, "period").toMillis();
    long r = Objects.requireNonNull(remember, "remember").toMillis();
    boolean[] out = new boolean[sightings.size()];
    for (int i = 0; i < out.length; i++) {
      Sighting s = Objects.requireNonNull(sightings.get(i), "sighting");
      out[i] = first(s.articleId(), s.kind(), s.visitorId(), s.occurredAtEpochMillis(), p, r, nowEpochMillis);
    }
    return CompletableFuture.completedFuture(out);
  }

  @Override
  public boolean answersInProcess() {
    return true;
  }

  /** Returns the entries held, for tests. */
  long size() {
    long n = 0;
    for (Segment s : segments) {
      synchronized (s) {
        n += s.size();
      }
    }
    return n;
  }
}
