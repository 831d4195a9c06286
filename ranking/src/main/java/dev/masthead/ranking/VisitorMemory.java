package dev.masthead.ranking;

import dev.masthead.core.ArticleId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Remembers which visitors already counted for an article, so that a reader who reloads a page counts once
 * per unique-visitor period ({@link RankingEngine.Builder#uniqueVisitorPeriod}, default 30 minutes). The SPI
 * has two shapes, with one rule:
 *
 * <p><b>The rule (both shapes).</b> A {@link Sighting} is <em>first</em> if the memory holds no remembered
 * sighting of the same (article, kind, visitor id) whose event time is less than {@code period} away from
 * its own (before or after it); a first sighting is remembered, replacing the previous one of that key. The
 * sightings of one call are decided in list order, so a later one sees the earlier ones. Times are event
 * times ({@link EngagementEvent#occurredAt()}), not arrival times, so a late event is judged against the
 * events around it.
 *
 * <ul>
 *   <li><b>Per server</b> ({@link #perServer(long)}, the engine's default): the memory lives in the engine's
 *       heap and answers at once ({@link #answersInProcess()} is true), so
 *       {@link RankingEngine#record} can return {@link RecordResult#REPEAT_VISITOR} itself. "A visitor counts
 *       once" then means once per period <em>per server</em>: a reader whose requests the load balancer
 *       spreads over n servers counts up to n times per period, and a restart forgets every visitor.</li>
 *   <li><b>Shared</b> (for example Redis, a Lua script doing {@code GET}, a comparison and
 *       {@code SET … PX}): every engine of a site asks the same memory, so a visitor counts once per period
 *       <em>site-wide</em>. Since a networked call must not run on a request thread, {@code record} accepts
 *       such events into its buffer and the flusher asks the memory for a whole batch of sightings before it
 *       hands the counts to the {@link CounterStore}; repeats found then are counted in
 *       {@link RankingStats#rejected()} under {@link RecordResult#REPEAT_VISITOR}. If the memory fails or
 *       times out, the events count (a failure never hides readers) and are counted in
 *       {@link RankingStats#unverifiedVisitorEvents()}.</li>
 * </ul>
 *
 * <p>Entries may be forgotten once {@code remember} has passed since the call that remembered them (the
 * engine passes the period plus the allowed lateness and clock-skew allowance, so that a late event still
 * meets the sightings around it). A memory with a size bound must forget the <em>oldest</em> entries first
 * and say so; forgetting only ever lets a visitor count again, it never hides one.
 *
 * <p>Implementations must be safe for concurrent use. A networked implementation may fail or time out
 * (complete the stage exceptionally or late); the engine bounds every wait by its store timeout and never
 * waits on a request thread. The abstract JUnit suite {@code VisitorMemoryContract} (ranking's test jar)
 * checks this contract.
 */
public interface VisitorMemory extends AutoCloseable {

  /**
   * Returns the per-server memory: in the heap, at most {@code maxEntries} remembered sightings. Each entry is
   * forgotten when its {@code remember} time has passed on the engine's clock; when the memory is full, the
   * entry written longest ago is forgotten first (insertion order, as a {@link java.util.LinkedHashMap} with
   * an eldest-entry bound), so what was seen recently is always kept. It is split into 16 segments by key hash,
   * each holding a sixteenth of the bound, so "oldest" is per segment. About 150 bytes per entry plus the
   * visitor id.
   *
   * @param maxEntries at least 16
   * @return a new, empty memory; thread-safe
   * @throws IllegalArgumentException if {@code maxEntries} is less than 16
   */
  static VisitorMemory perServer(long maxEntries) {
    return new PerServerVisitorMemory(maxEntries);
  }

  /**
   * Decides which sightings are first, and remembers those, as the class documentation says.
   *
   * @param sightings the sightings, decided in order
   * @param period the unique-visitor period, at least 1 millisecond
   * @param remember how long a remembered sighting must be kept at least, at least {@code period}
   * @param nowEpochMillis the caller's time, for expiry (a shared memory may use its own clock instead)
   * @return completes with one answer per sighting, in order: true if it is first (so it counts)
   * @throws NullPointerException if an argument or a sighting is null
   */
  CompletionStage<boolean[]> firstSightings(
      List<Sighting> sightings, Duration period, Duration remember, long nowEpochMillis);

  /**
   * Returns whether {@link #firstSightings} completes before it returns, without I/O, so that the engine may
   * call it on the request thread. Default false.
   *
   * @return true for an in-process memory
   */
  default boolean answersInProcess() {
    return false;
  }

  /** Releases what the memory holds open; the engine never calls it on a memory it was given. */
  @Override
  default void close() {}

  /**
   * One event's identity for the unique-visitor rule.
   *
   * <p>Immutable and thread-safe.
   *
   * @param articleId the article
   * @param kind the kind of event
   * @param visitorId the opaque visitor id of the event
   * @param occurredAtEpochMillis the event time
   */
  record Sighting(ArticleId articleId, EngagementKind kind, String visitorId, long occurredAtEpochMillis) {
    /**
     * Validates the sighting.
     *
     * @throws NullPointerException if an argument is null
     */
    public Sighting {
      Objects.requireNonNull(articleId, "Sighting.articleId");
      Objects.requireNonNull(kind, "Sighting.kind");
      Objects.requireNonNull(visitorId, "Sighting.visitorId");
    }
  }
}
